/**
 * Builders shared by this folder's tests. Named *.test.ts so the build leaves it out; it holds no
 * tests itself. Lines are French (home MCC 208) and watched over October 2025.
 */
import { monthDays } from "./calendar.ts";
import type { PeerStats } from "./peers.ts";
import { peerStatsFromSamples } from "./peers.ts";
import type { DailyUsage, LineInput, MonthSeries, Zone } from "./types.ts";
import { MIB, type Micros, type Octets } from "./units.ts";

export const PERIOD = "2025-10";
export const HISTORY = ["2025-07", "2025-08", "2025-09"] as const;
export const HOME = "20801";

const EU = new Set(["206", "214", "222", "262", "270"]);

function zoneOf(plmn: string): Zone {
  if (plmn === HOME) return "home";
  if (plmn.startsWith("208")) return "national";
  return EU.has(plmn.slice(0, 3)) ? "eu" : "world";
}

export interface DayShape {
  /** Octets by network. */
  readonly networks: Readonly<Record<string, number>>;
  readonly spend?: number;
  readonly hours?: number;
}

export function usage(date: string, weekday: number, shape: DayShape): DailyUsage {
  const byZone: Record<Zone, number> = { home: 0, national: 0, eu: 0, world: 0 };
  const byNetwork = Object.entries(shape.networks).map(([plmn, octets]) => {
    const whole = Math.round(octets);
    byZone[zoneOf(plmn)] += whole;
    return { plmn, octets: whole as Octets };
  });
  return {
    date,
    weekday: weekday as DailyUsage["weekday"],
    octets: byNetwork.reduce((s, n) => s + n.octets, 0) as Octets,
    byNetwork,
    byZone: byZone as Record<Zone, Octets>,
    spend: (shape.spend ?? 0) as Micros,
    activity: { kind: "hours", count: shape.hours ?? 8 },
  };
}

/** An ordinary day: about 100 MiB at home, with a fixed wobble so the MAD is not zero. */
export function ordinary(dayIndex: number): DayShape {
  const wobble = 0.8 + (0.4 * ((dayIndex * 7) % 10)) / 10;
  return { networks: { [HOME]: Math.round(100 * MIB * wobble) }, hours: 6 + (dayIndex % 5) };
}

export type Shaper = (day: number, index: number) => DayShape;

/** Days of `month`, shaped by `shape(dayOfMonth, runningIndex)`. */
export function monthOf(month: string, shape: Shaper, offset = 0): MonthSeries {
  return {
    month,
    days: monthDays(month).map(({ date, weekday }, i) => usage(date, weekday, shape(i + 1, offset + i))),
  };
}

export function history(shape: Shaper = (_d, i) => ordinary(i)): MonthSeries[] {
  return HISTORY.map((m, k) => monthOf(m, shape, k * 31));
}

export interface LineSpec {
  readonly lineId?: string;
  readonly current?: Shaper;
  readonly history?: readonly MonthSeries[];
  readonly activatedOn?: string;
  readonly planId?: string;
}

export function line(spec: LineSpec = {}): LineInput {
  const current = spec.current ?? ((_d, i) => ordinary(i));
  return {
    lineId: spec.lineId ?? "L1",
    accountId: "A1",
    planId: spec.planId ?? "plan-a",
    homeMcc: "208",
    activatedOn: spec.activatedOn ?? "2024-01-15",
    period: PERIOD,
    days: monthOf(PERIOD, current, 200).days,
    history: spec.history ?? history(),
  };
}

/** Peers of `plan-a`: 60 months between 2 and 4 GiB, no spend beyond the fee. */
export function peers(): readonly PeerStats[] {
  const samples = Array.from({ length: 60 }, (_, i) => ({
    planId: "plan-a",
    octets: Math.round((2 + (2 * i) / 59) * 1024 * MIB) as Octets,
    spend: 0 as Micros,
  }));
  return peerStatsFromSamples(samples);
}

/** `shape` on days `from`..`to` of the month, ordinary days elsewhere. */
export function during(from: number, to: number, shape: Shaper): Shaper {
  return (day, i) => (day >= from && day <= to ? shape(day, i) : ordinary(i));
}
