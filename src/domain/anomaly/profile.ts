/**
 * Everything the detectors need from a line's past, computed once per line and period: usual
 * volume and spend by weekday, usual activity, usual foreign networks, usual pace of spend.
 */
import { type DailyBaseline, dailyBaseline, type Expectation, expectation } from "./baseline.ts";
import type { Weekday } from "./calendar.ts";
import { type DayView, mccOf } from "./day.ts";
import type { DetectionOptions } from "./options.ts";
import { percentile, type RobustStat, robustStat, rollingSums } from "./stats.ts";
import type { Mcc } from "./types.ts";

export interface CountryShare {
  readonly mcc: Mcc;
  readonly share: number;
}

export interface LineProfile {
  readonly days: number;
  readonly volume: DailyBaseline;
  readonly spend: DailyBaseline;
  readonly activeHours: RobustStat;
  /** Share of past days with round-the-clock activity. */
  readonly alwaysOnShare: number;
  /** Share of past traffic carried by each foreign country's networks. */
  readonly countryShares: readonly CountryShare[];
  /** 95th percentile of past spend over `spendVelocity.windowDays` consecutive days. */
  readonly spendWindowP95: number;
}

function countryShares(views: readonly DayView[]): CountryShare[] {
  let total = 0;
  const byMcc = new Map<Mcc, number>();
  for (const v of views) {
    total += v.octets;
    for (const net of v.foreign) {
      const mcc = mccOf(net.plmn);
      byMcc.set(mcc, (byMcc.get(mcc) ?? 0) + net.octets);
    }
  }
  if (total === 0) return [];
  return [...byMcc].map(([mcc, octets]) => ({ mcc, share: octets / total }));
}

/** Undefined when the history is too short to say what is usual. */
export function buildProfile(history: readonly DayView[], options: DetectionOptions): LineProfile | undefined {
  const o = options.baseline;
  if (history.length < o.minHistoryDays) return undefined;
  const views = history.slice(-o.maxHistoryDays);
  const volume = dailyBaseline(views.map((v) => ({ weekday: v.weekday, value: v.octets })));
  const spend = dailyBaseline(views.map((v) => ({ weekday: v.weekday, value: v.spend })));
  const activeHours = robustStat(views.map((v) => v.activeHours));
  if (volume === undefined || spend === undefined || activeHours === undefined) return undefined;
  const alwaysOn = views.filter((v) => v.activeHours >= options.alwaysOn.minActiveHours).length;
  const windows = rollingSums(
    views.map((v) => v.spend),
    options.spendVelocity.windowDays,
  );
  return {
    days: views.length,
    volume,
    spend,
    activeHours,
    alwaysOnShare: alwaysOn / views.length,
    countryShares: countryShares(views),
    spendWindowP95: percentile(windows, 95) ?? 0,
  };
}

export function usualCountryShare(profile: LineProfile | undefined, mcc: Mcc): number {
  return profile?.countryShares.find((c) => c.mcc === mcc)?.share ?? 0;
}

export function expectedVolume(profile: LineProfile, weekday: Weekday, options: DetectionOptions): Expectation {
  const o = options.baseline;
  return expectation(profile.volume, weekday, {
    minWeekdaySamples: o.minWeekdaySamples,
    weekdayFloorShare: o.weekdayFloorShare,
    minMedian: o.minDailyOctets,
    minRelativeSpread: o.minRelativeSpread,
    minSpread: o.minDailyOctets,
  });
}

export function expectedSpend(profile: LineProfile, weekday: Weekday, options: DetectionOptions): Expectation {
  const o = options.baseline;
  return expectation(profile.spend, weekday, {
    minWeekdaySamples: o.minWeekdaySamples,
    weekdayFloorShare: o.weekdayFloorShare,
    minMedian: 0,
    minRelativeSpread: o.minRelativeSpread,
    minSpread: o.minSpendSpread,
  });
}
