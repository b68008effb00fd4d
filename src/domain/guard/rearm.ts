import type { Tariff } from "../catalog/types.ts";
import type { PeriodCounters } from "../rating/counters.ts";
import type { EffectiveCap } from "./caps.ts";
import type { NoticeIntent } from "./notices.ts";
import { reached } from "./thresholds.ts";

/**
 * The thresholds of a blocking cap, re-armed after the customer consented to pass it. Consent
 * lifts the cut-off for the rest of the period, but the line must not fall silent (in 2025 a
 * customer who had agreed to continue reached 37,737.11 EUR): the cap's thresholds are armed
 * again over one more limit (with a 50.00 limit: 90.00 and 100.00), as warnings that cut
 * nothing. Their keys (`cap:<id>:consented:<pct>`) differ from the first round's, so each still
 * fires once per period and is read back from the outbox after a restart. A new period starts
 * with no consent: the first round is armed again by construction.
 */
export function afterConsentNotices(effective: EffectiveCap, line: PeriodCounters, used: number, tariff: Tariff | undefined): NoticeIntent[] {
  const { cap, limit } = effective;
  if (cap.action !== "block" || !line.isConsented(cap.id) || limit <= 0) return [];
  const beyond = used - limit;
  const thresholds = cap.notices.includes(100) ? cap.notices : [...cap.notices, 100];
  const out: NoticeIntent[] = [];
  for (const pct of thresholds) {
    const key = `cap:${cap.id}:consented:${pct}`;
    if (beyond <= 0 || !reached(beyond, limit, pct) || line.hasNotified(key)) continue;
    out.push({
      kind: pct >= 100 ? "cap_reached" : "cap_warning",
      key,
      urgent: false,
      capId: cap.id,
      capName: cap.name,
      // Nothing is cut any more: the network adapters must not read this as a cut-off.
      action: "notify",
      threshold: 100 + pct,
      measure: cap.measure.kind,
      used,
      limit,
      extraUnitPrice: tariff?.unitPrice,
      unitLabel: tariff?.unitLabel,
      throttleStatus: undefined,
      throttleRateKbps: undefined,
      afterConsent: true,
    });
  }
  return out;
}
