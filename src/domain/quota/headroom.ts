import type { Allowance, Cap, Service, Zone } from "../catalog/types.ts";
import type { PeriodCounters } from "../rating/counters.ts";
import type { Reservation } from "./types.ts";

/** The smallest value that reaches `pct` % of `limit` (the guard's `reached`, inverted). */
export function thresholdValue(limit: number, pct: number): number {
  return Math.ceil((limit * pct) / 100);
}

function covers(cap: Cap, r: Reservation): boolean {
  return (cap.measure.service === undefined || cap.measure.service === r.service) && cap.measure.zones.includes(r.zone);
}

/** A cap's measure as used plus reserved: money for a spend cap, base units for a volume cap. */
export function usedWithReserved(cap: Cap, counters: PeriodCounters, reserved: readonly Reservation[]): number {
  let total = counters.measure(cap.measure.kind, cap.measure.service, cap.measure.zones);
  for (const r of reserved) if (covers(cap, r)) total += cap.measure.kind === "spend" ? r.amount : r.quantity;
  return total;
}

/** Included quantity still free once the other sessions' reservations are taken out. */
export function allowanceLeft(allowance: Allowance, counters: PeriodCounters, reserved: readonly Reservation[]): number {
  let left = allowance.amount - counters.allowance(allowance.id);
  for (const r of reserved) if (r.service === allowance.service && allowance.zones.includes(r.zone)) left -= r.allowanceQuantity;
  return Math.max(0, left);
}

/**
 * Distances (in the measure's unit) from `used` to each notice threshold not raised yet, so
 * that a grant ends where a notice is due and the gateway's next report raises it on time.
 */
export function noticeDistances(keyPrefix: string, limit: number, notices: readonly number[], used: number, line: PeriodCounters): number[] {
  const out: number[] = [];
  for (const pct of notices) {
    if (line.hasNotified(`${keyPrefix}:${pct}`)) continue;
    const distance = thresholdValue(limit, pct) - used;
    if (distance > 0) out.push(distance);
  }
  return out;
}

export function capCovers(cap: Cap, service: Service, zone: Zone): boolean {
  return (cap.measure.service === undefined || cap.measure.service === service) && cap.measure.zones.includes(zone);
}
