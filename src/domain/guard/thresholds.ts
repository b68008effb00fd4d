import type { Allowance, Tariff } from "../catalog/types.ts";
import type { PeriodCounters } from "../rating/counters.ts";
import type { EffectiveCap } from "./caps.ts";
import type { NoticeIntent } from "./notices.ts";

/** Whether `value` has reached `percent` % of `limit`, in integers (no float rounding at 80 %). */
export function reached(value: number, limit: number, percent: number): boolean {
  return value * 100 >= limit * percent;
}

/**
 * Notices for the cap thresholds that the usage being decided will cross. Each threshold fires
 * once per period: the keys already raised are in the counters (rebuilt from the outbox after a
 * restart). `usedAfter` gives the cap's measure once the usage is applied.
 */
export function capNotices(
  caps: readonly EffectiveCap[],
  line: PeriodCounters,
  usedAfter: (c: EffectiveCap) => number,
  tariff: Tariff | undefined,
): NoticeIntent[] {
  const out: NoticeIntent[] = [];
  for (const effective of caps) {
    const { cap, limit } = effective;
    const used = usedAfter(effective);
    // A notify-only cap with no 100 % notice listed still says when the limit is reached.
    const thresholds = cap.notices.includes(100) ? cap.notices : [...cap.notices, 100];
    for (const pct of thresholds) {
      const key = `cap:${cap.id}:${pct}`;
      if (!reached(used, limit, pct) || line.hasNotified(key)) continue;
      const full = pct >= 100;
      out.push({
        kind: full ? "cap_reached" : "cap_warning",
        key,
        urgent: full && (cap.action === "block" || cap.action === "throttle"),
        capId: cap.id,
        capName: cap.name,
        action: cap.action,
        threshold: pct,
        measure: cap.measure.kind,
        used,
        limit,
        extraUnitPrice: full && tariff ? tariff.unitPrice : undefined,
        unitLabel: full && tariff ? tariff.unitLabel : undefined,
        throttleStatus: cap.throttle?.status,
        throttleRateKbps: cap.throttle?.rateKbps,
        afterConsent: false,
      });
    }
  }
  return out;
}

/** Allowance notices: before the included volume runs out and when it is fully used. */
export function allowanceNotices(allowance: Allowance | undefined, line: PeriodCounters, consumed: number): NoticeIntent[] {
  if (!allowance || allowance.amount <= 0 || consumed <= 0) return [];
  const used = line.allowance(allowance.id) + consumed;
  const out: NoticeIntent[] = [];
  for (const pct of allowance.notices) {
    const key = `allowance:${allowance.id}:${pct}`;
    if (!reached(used, allowance.amount, pct) || line.hasNotified(key)) continue;
    out.push({
      kind: pct >= 100 ? "allowance_used" : "allowance_warning",
      key,
      urgent: false,
      allowanceId: allowance.id,
      service: allowance.service,
      threshold: pct,
      used,
      amount: allowance.amount,
    });
  }
  return out;
}
