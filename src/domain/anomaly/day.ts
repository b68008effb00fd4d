/**
 * The per-day figures every detector reads, derived once from a `DailyUsage`: traffic at home vs
 * abroad, and which foreign networks carried it.
 */
import { fromDayNumber, type IsoDate, knownDayNumber, type Weekday, weekdayOfDayNumber } from "./calendar.ts";
import { activeHours, type DailyUsage, type Mcc, type NetworkOctets } from "./types.ts";
import { asOctets, type Micros, NO_MICROS, NO_OCTETS, type Octets } from "./units.ts";

export interface DayView {
  readonly date: IsoDate;
  readonly weekday: Weekday;
  readonly octets: Octets;
  /** Home and national zones: what the plan's domestic allowance covers. */
  readonly domestic: Octets;
  /** EU and world zones. */
  readonly roaming: Octets;
  /** Carried by networks of the home country (any operator). */
  readonly homeCountry: Octets;
  /** Carried by networks of other countries. */
  readonly foreign: readonly NetworkOctets[];
  readonly spend: Micros;
  readonly activeHours: number;
}

export const mccOf = (plmn: string): Mcc => plmn.slice(0, 3);

export function viewOf(day: DailyUsage, homeMcc: Mcc): DayView {
  let home = 0;
  const foreign: NetworkOctets[] = [];
  for (const net of day.byNetwork) {
    if (net.octets === 0) continue;
    if (mccOf(net.plmn) === homeMcc) home += net.octets;
    else foreign.push(net);
  }
  const z = day.byZone;
  return {
    date: day.date,
    weekday: day.weekday,
    octets: day.octets,
    domestic: asOctets(z.home + z.national),
    roaming: asOctets(z.eu + z.world),
    homeCountry: asOctets(home),
    foreign,
    spend: day.spend,
    activeHours: activeHours(day.activity),
  };
}

export function zeroDay(dayNo: number): DayView {
  return {
    date: fromDayNumber(dayNo),
    weekday: weekdayOfDayNumber(dayNo),
    octets: NO_OCTETS,
    domestic: NO_OCTETS,
    roaming: NO_OCTETS,
    homeCountry: NO_OCTETS,
    foreign: [],
    spend: NO_MICROS,
    activeHours: 0,
  };
}

/**
 * Views for every day from `from` to `to` inclusive: the store keeps only days with usage, but a
 * silent day is information (the median of a line used every other day is not its busy day).
 */
export function dailyViews(days: readonly DailyUsage[], homeMcc: Mcc, from: IsoDate, to: IsoDate): DayView[] {
  const byDate = new Map(days.map((d) => [d.date, d] as const));
  const out: DayView[] = [];
  const last = knownDayNumber(to);
  for (let n = knownDayNumber(from); n <= last; n++) {
    const day = byDate.get(fromDayNumber(n));
    out.push(day === undefined ? zeroDay(n) : viewOf(day, homeMcc));
  }
  return out;
}
