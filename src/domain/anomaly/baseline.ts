/**
 * A line's usual day: median and MAD of a daily measure, by weekday where history allows (an
 * office key is quiet on Sundays, a family phone is not), with floors so that a very regular or
 * very quiet line does not turn every small change into a large "z".
 */
import type { Weekday } from "./calendar.ts";
import { type RobustStat, robustStat } from "./stats.ts";

export interface DailyBaseline {
  readonly all: RobustStat;
  /** Index 0 is Monday. */
  readonly byWeekday: readonly (RobustStat | undefined)[];
}

export interface Sample {
  readonly weekday: Weekday;
  readonly value: number;
}

export interface Floors {
  readonly minWeekdaySamples: number;
  readonly weekdayFloorShare: number;
  readonly minMedian: number;
  readonly minRelativeSpread: number;
  readonly minSpread: number;
}

/** What a day is expected to hold, and how far it usually strays. */
export interface Expectation {
  readonly median: number;
  readonly spread: number;
}

export function dailyBaseline(samples: readonly Sample[]): DailyBaseline | undefined {
  const all = robustStat(samples.map((s) => s.value));
  if (all === undefined) return undefined;
  const byWeekday: (RobustStat | undefined)[] = [];
  for (let w = 1; w <= 7; w++) {
    byWeekday.push(robustStat(samples.filter((s) => s.weekday === w).map((s) => s.value)));
  }
  return { all, byWeekday };
}

export function expectation(b: DailyBaseline, weekday: Weekday, floors: Floors): Expectation {
  const wd = b.byWeekday[weekday - 1];
  const base = wd !== undefined && wd.n >= floors.minWeekdaySamples ? wd : b.all;
  const median = Math.max(base.median, floors.weekdayFloorShare * b.all.median, floors.minMedian);
  const spread = Math.max(base.spread, floors.minRelativeSpread * median, floors.minSpread);
  return { median, spread };
}

/** How many spreads `actual` lies above `expected` for a sum of days with independent spreads. */
export function zOfSum(actual: number, expected: number, spreads: readonly number[]): number {
  let variance = 0;
  for (const s of spreads) variance += s * s;
  return variance === 0 ? Number.POSITIVE_INFINITY : (actual - expected) / Math.sqrt(variance);
}
