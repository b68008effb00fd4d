import { type Micros, money, type NoticeIntent, type Period } from "../domain/index.ts";
import type { LineRecord, OutboxRow } from "../store/index.ts";

/**
 * The outbox row of a notice: the intent with money as decimal strings and the line's contact
 * details, so that the dispatcher needs nothing else to fill a template.
 */
export function outboxRow(line: LineRecord, period: Period, notice: NoticeIntent, createdAt: string): OutboxRow {
  return {
    key: `${line.lineId}:${period}:${notice.key}`,
    lineId: line.lineId,
    accountId: line.accountId,
    period,
    kind: notice.kind,
    urgent: notice.urgent,
    payload: JSON.stringify({
      line_id: line.lineId,
      account_id: line.accountId,
      msisdn: line.msisdn,
      email: line.email ?? null,
      locale: line.locale,
      plan_id: line.planId,
      period,
      ...figures(notice),
    }),
    createdAt,
  };
}

function amount(value: number): string {
  return money.toPrice(value as Micros);
}

function figures(n: NoticeIntent): Record<string, unknown> {
  switch (n.kind) {
    case "roaming_welcome":
      return {
        kind: n.kind,
        country: n.country,
        country_name: n.countryName,
        zone: n.zone,
        prices: n.prices.map((p) => ({ service: p.service, price: amount(p.unitPrice), per: p.unitLabel })),
        roaming_cap: n.roamingCap === undefined ? null : amount(n.roamingCap),
      };
    case "cap_warning":
    case "cap_reached":
      return {
        kind: n.kind,
        cap_id: n.capId,
        cap_name: n.capName,
        action: n.action,
        threshold: n.threshold,
        measure: n.measure,
        used: n.measure === "spend" ? amount(n.used) : n.used,
        limit: n.measure === "spend" ? amount(n.limit) : n.limit,
        extra_unit_price: n.extraUnitPrice === undefined ? null : amount(n.extraUnitPrice),
        unit: n.unitLabel ?? null,
        throttle_status: n.throttleStatus ?? null,
        throttle_rate_kbps: n.throttleRateKbps ?? null,
        after_consent: n.afterConsent,
      };
    case "allowance_warning":
    case "allowance_used":
      return { kind: n.kind, allowance_id: n.allowanceId, service: n.service, threshold: n.threshold, used: n.used, amount: n.amount };
  }
}
