/**
 * What the detectors read. The store's daily aggregates are mapped onto these shapes by the
 * caller; `validate.ts` checks them once, and everything after trusts them.
 */
import type { IsoDate, MonthId, Weekday } from "./calendar.ts";
import type { Micros, Octets } from "./units.ts";

/** Where the traffic was carried, relative to the line's home network. */
export type Zone = "home" | "national" | "eu" | "world";
export const ZONES: readonly Zone[] = ["home", "national", "eu", "world"];

/** Serving network, MCC + MNC as 5 or 6 digits: "20801", "20610", "310260". */
export type Plmn = string;
/** Mobile country code, 3 digits: "208" is France. */
export type Mcc = string;

/**
 * How much of the day the line was active. Some mediation systems keep an hourly bitmap, others
 * only a count; "always on" needs no more than the count, the bitmap is exact about it.
 */
export type Activity =
  | { readonly kind: "hours"; readonly count: number }
  /** Bit h (0..23) set when there was traffic during local hour h. */
  | { readonly kind: "bitmap"; readonly mask: number };

export interface NetworkOctets {
  readonly plmn: Plmn;
  readonly octets: Octets;
}

/** One local day of one line. Days without usage may be omitted: they count as zero. */
export interface DailyUsage {
  readonly date: IsoDate;
  readonly weekday: Weekday;
  /** Total data, up + down. Must equal the sum over `byZone` and over `byNetwork`. */
  readonly octets: Octets;
  readonly byNetwork: readonly NetworkOctets[];
  readonly byZone: Readonly<Record<Zone, Octets>>;
  /** Everything rated on this day (all zones), in integer micro-euros. */
  readonly spend: Micros;
  readonly activity: Activity;
}

export interface MonthSeries {
  readonly month: MonthId;
  readonly days: readonly DailyUsage[];
}

export interface LineInput {
  readonly lineId: string;
  readonly accountId: string;
  readonly planId: string;
  /** The home country as an MCC ("208"): foreign networks are those of other MCCs. */
  readonly homeMcc: Mcc;
  readonly activatedOn: IsoDate;
  /** The billing period being watched. */
  readonly period: MonthId;
  /** The period's days so far, in date order. */
  readonly days: readonly DailyUsage[];
  /** Earlier complete months, oldest first; empty for a new line. */
  readonly history: readonly MonthSeries[];
}

export function activeHours(activity: Activity): number {
  switch (activity.kind) {
    case "hours":
      return activity.count;
    case "bitmap": {
      let count = 0;
      for (let h = 0; h < 24; h++) if ((activity.mask >>> h) & 1) count++;
      return count;
    }
  }
}
