import type { Service, Zone } from "../catalog/types.ts";
import { type Micros, priceOf, unitsWithin } from "../money.ts";
import type { PeriodCounters } from "../rating/counters.ts";
import { capApplies, type EffectiveCap } from "./caps.ts";

export interface SpendClamp {
  readonly billableUnits: number;
  readonly billableAmount: Micros;
  readonly overUnits: number;
  readonly capId: string | undefined;
}

/**
 * A blocking spend cap (the EU roaming cut-off) bills only the whole units that fit under the
 * limit; the rest is kept as "over cap, not billable". The bill can never pass the cap.
 */
export function clampSpend(
  caps: readonly EffectiveCap[],
  service: Service,
  zone: Zone,
  units: number,
  unitPrice: Micros,
  line: PeriodCounters,
  account: PeriodCounters,
): SpendClamp {
  let billable = units;
  let capId: string | undefined;
  if (unitPrice > 0) {
    for (const { cap, limit } of caps) {
      if (cap.action !== "block" || cap.measure.kind !== "spend" || !capApplies(cap, service, zone)) continue;
      const counters = cap.scope === "account" ? account : line;
      if (counters.isConsented(cap.id)) continue;
      const headroom = (limit - counters.measure("spend", cap.measure.service, cap.measure.zones)) as Micros;
      const fit = unitsWithin(headroom, unitPrice);
      if (fit < billable) {
        billable = fit;
        capId = cap.id;
      }
    }
  }
  return { billableUnits: billable, billableAmount: priceOf(billable, unitPrice), overUnits: units - billable, capId };
}
