import type { Service, Zone } from "../catalog/types.ts";
import type { PeriodCounters } from "../rating/counters.ts";
import { capApplies, type EffectiveCap } from "./caps.ts";

/**
 * The policy status of a line: the throttle status of the first throttle cap whose limit is
 * reached (e.g. "throttled-128k"), or "normal". Fair use is a status change reported to the
 * policy server (Sy), never a charging denial.
 */
export function policyStatus(caps: readonly EffectiveCap[], line: PeriodCounters, account: PeriodCounters): string {
  for (const { cap, limit } of caps) {
    if (cap.action !== "throttle" || !cap.throttle) continue;
    const counters = cap.scope === "account" ? account : line;
    if (counters.measure(cap.measure.kind, cap.measure.service, cap.measure.zones) >= limit) return cap.throttle.status;
  }
  return "normal";
}

/** Whether usage of this service in this zone is beyond a reached throttle cap. */
export function isThrottled(caps: readonly EffectiveCap[], service: Service, zone: Zone, line: PeriodCounters, account: PeriodCounters): boolean {
  return caps.some(({ cap, limit }) => {
    if (cap.action !== "throttle" || !capApplies(cap, service, zone)) return false;
    const counters = cap.scope === "account" ? account : line;
    return counters.measure(cap.measure.kind, cap.measure.service, cap.measure.zones) >= limit;
  });
}
