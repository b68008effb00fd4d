/**
 * A line's habits: what an ordinary day looks like for it. Drawn once per line; every month of
 * the line is then synthesised from them, so history and the watched period agree unless an
 * episode (a trip, a surge) says otherwise.
 */
import type { Rng } from "./prng.ts";

export interface Habits {
  /** Median octets on an ordinary weekday (before the weekday factor). */
  readonly dailyOctets: number;
  /** Multipliers, Monday first: an office key is quiet at weekends, a family phone is not. */
  readonly weekdayFactors: readonly number[];
  /** Day-to-day log-normal noise. */
  readonly noiseSigma: number;
  /** Chance that a day has no traffic at all (laptop left closed, phone off). */
  readonly idleProbability: number;
  readonly meanHours: number;
  readonly hoursSd: number;
  /** Round the clock by habit (a router, an alarm panel). */
  readonly alwaysOn: boolean;
  /** Share carried by a national roaming partner. */
  readonly nationalShare: number;
  /** A usual small share on a neighbouring country's network (border residents). */
  readonly border: { readonly plmn: string; readonly share: number } | undefined;
  /** Activity reported as an hourly bitmap rather than a count (both formats exist). */
  readonly bitmap: boolean;
}

export interface UsageParams {
  /** Median ordinary-weekday volume of a line on a plan with `volumeFactor` 1. */
  readonly medianDailyOctets: number;
  /** Log-scale spread of `dailyOctets` between lines. */
  readonly betweenLineSigma: number;
  readonly noiseSigma: number;
  readonly idleProbability: number;
  /** Share of lines with the office weekday profile. */
  readonly officeShare: number;
  readonly officeWeekendFactor: number;
  readonly consumerWeekendFactor: number;
  /** Range of a line's mean active hours a day. */
  readonly meanHours: readonly [number, number];
  readonly hoursSd: number;
  /** Share of lines using a national roaming partner, and the share of traffic it carries. */
  readonly nationalLines: number;
  readonly nationalShare: readonly [number, number];
  readonly bitmapShare: number;
}

export function weekdayFactors(office: boolean, p: UsageParams): number[] {
  const weekend = office ? p.officeWeekendFactor : p.consumerWeekendFactor;
  const weekday = office ? 1 : 0.9;
  return [weekday, weekday, weekday, weekday, weekday, weekend, weekend];
}

export function sampleHabits(rng: Rng, p: UsageParams, volumeFactor: number): Habits {
  const office = rng.chance(p.officeShare);
  return {
    dailyOctets: rng.lognormal(p.medianDailyOctets * volumeFactor, p.betweenLineSigma),
    weekdayFactors: weekdayFactors(office, p),
    noiseSigma: p.noiseSigma,
    idleProbability: p.idleProbability,
    meanHours: rng.uniform(p.meanHours[0], p.meanHours[1]),
    hoursSd: p.hoursSd,
    alwaysOn: false,
    nationalShare: rng.chance(p.nationalLines) ? rng.uniform(p.nationalShare[0], p.nationalShare[1]) : 0,
    border: undefined,
    bitmap: rng.chance(p.bitmapShare),
  };
}
