import type { Plan, Service, Tariff, Zone } from "../catalog/types.ts";
import { type Micros, priceOf } from "../money.ts";
import { startedIncrements } from "../units.ts";

export function findTariff(plan: Plan, service: Service, zone: Zone): Tariff | undefined {
  return plan.tariffs.find((t) => t.service === service && t.zones.includes(zone));
}

/**
 * Per started increment: the chargeable quantity of one record is rounded up to whole
 * increments (per started KiB, per started minute), then priced in one multiplication —
 * never increment by increment.
 */
export function perUnit(tariff: Tariff, chargeable: number): { units: number; amount: Micros } {
  const units = startedIncrements(chargeable, tariff.increment);
  return { units, amount: priceOf(units, tariff.unitPrice) };
}
