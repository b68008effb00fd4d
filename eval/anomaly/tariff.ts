/**
 * The simulation's own rating, just enough to give each day a spend: an allowance consumed
 * first, then a price per started unit, rounded per day (the real rating rounds per record; a
 * day is the simulation's record). All in integer micro-euros.
 */
import type { Micros, Zone } from "../../src/domain/anomaly/index.ts";

export interface PriceRule {
  /** Size of one started unit in octets: 1024 for "per KiB". */
  readonly unitOctets: number;
  readonly microsPerUnit: number;
}

export interface SimPlan {
  readonly id: string;
  /** Domestic (home + national) octets included per month. */
  readonly includedDomestic: number;
  /** Undefined: beyond the allowance traffic is throttled, not billed. */
  readonly domesticBeyond: PriceRule | undefined;
  /** EU roaming octets included per month (roam like at home); 0 before 2017. */
  readonly euIncluded: number;
  readonly euBeyond: PriceRule;
  readonly world: PriceRule;
  /** How much this plan's subscribers use, relative to the population's median line. */
  readonly volumeFactor: number;
  /** Share of the population on this plan. */
  readonly share: number;
}

function priced(octets: number, rule: PriceRule): number {
  return octets <= 0 ? 0 : Math.ceil(octets / rule.unitOctets) * rule.microsPerUnit;
}

/** Spend of each day of one month, given each day's octets by zone, in date order. */
export function rateMonth(plan: SimPlan, days: readonly Readonly<Record<Zone, number>>[]): Micros[] {
  let domesticUsed = 0;
  let euUsed = 0;
  return days.map((z) => {
    const domestic = z.home + z.national;
    const domesticOver = Math.max(0, domesticUsed + domestic - plan.includedDomestic) - Math.max(0, domesticUsed - plan.includedDomestic);
    domesticUsed += domestic;
    const euOver = Math.max(0, euUsed + z.eu - plan.euIncluded) - Math.max(0, euUsed - plan.euIncluded);
    euUsed += z.eu;
    const spend =
      (plan.domesticBeyond === undefined ? 0 : priced(domesticOver, plan.domesticBeyond)) + priced(euOver, plan.euBeyond) + priced(z.world, plan.world);
    return spend as Micros;
  });
}
