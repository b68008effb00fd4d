import {
  type Catalog,
  type Micros,
  money,
  type Period,
  PeriodCounters,
  policyStatus,
  reached,
  SERVICES,
  type Service,
  slotOf,
  ZONES,
} from "../domain/index.ts";
import type { LineState } from "../engine/index.ts";
import type { StoredNotice } from "../store/index.ts";

/** What `lines show` and GET /api/v1/lines/:id say about a line in a period. */
export function lineReport(catalog: Catalog, line: LineState, period: Period, notices: readonly StoredNotice[]) {
  const counters = line.peek(period) ?? new PeriodCounters(period);
  const usage: Record<string, Record<string, { quantity: number; spend: string }>> = {};
  for (const service of SERVICES) {
    for (const zone of ZONES) {
      const slot = slotOf(service, zone);
      const quantity = counters.quantityAt(slot);
      const spend = counters.spendAt(slot);
      if (quantity === 0 && spend === 0) continue;
      usage[service] ??= {};
      (usage[service] as Record<string, { quantity: number; spend: string }>)[zone] = { quantity, spend: money.toPrice(spend as Micros) };
    }
  }
  const r = line.record;
  return {
    line_id: r.lineId,
    account_id: r.accountId,
    imsi: r.imsi,
    msisdn: r.msisdn,
    plan_id: line.plan.id,
    catalog: catalog.id,
    locale: r.locale,
    period,
    usage,
    allowances: line.plan.allowances.map((a) => ({
      id: a.id,
      service: a.service,
      zones: a.zones,
      used: counters.allowance(a.id),
      amount: a.amount,
      percent: a.amount > 0 ? Math.floor((counters.allowance(a.id) * 100) / a.amount) : 0,
    })),
    caps: line.plan.caps.map((cap) => {
      const effective = line.caps.find((c) => c.cap.id === cap.id);
      const used = counters.measure(cap.measure.kind, cap.measure.service, cap.measure.zones);
      const fmt = (v: number) => (cap.measure.kind === "spend" ? money.toPrice(v as Micros) : String(v));
      let state = "ok";
      if (!effective) state = "opted_out";
      else if (counters.isConsented(cap.id)) state = "consented";
      else if (reached(used, effective.limit, 100)) state = cap.action === "block" ? "blocked" : cap.action === "throttle" ? "throttled" : "reached";
      else if (cap.notices.some((n) => n < 100 && reached(used, effective.limit, n))) state = "warned";
      return {
        id: cap.id,
        measure: cap.measure.kind,
        service: (cap.measure.service ?? "any") as Service | "any",
        zones: cap.measure.zones,
        limit: effective ? fmt(effective.limit) : null,
        used: fmt(used),
        action: cap.action,
        state,
        limit_source: effective && r.roamingCap !== undefined && cap.lineRoamingOverride ? "customer" : "catalog",
      };
    }),
    policy_status: policyStatus(line.caps, counters, counters),
    notices: notices.map((n) => ({
      id: n.id,
      kind: n.kind,
      urgent: n.urgent,
      status: n.status,
      created_at: n.createdAt,
      ...(JSON.parse(n.payload) as object),
    })),
  };
}
