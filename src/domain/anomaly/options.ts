/**
 * Every threshold of the detectors, with the reason for its default. They were tuned on the
 * harness's seeds 1–3 only (eval/anomaly/README.md) and are data: an operator may pass others.
 */
import { MIB, type Micros } from "./units.ts";

const eur = (n: number): Micros => (n * 1_000_000) as Micros;

export interface BaselineOptions {
  /** Fewer history days than this and the line is "new": only peers can judge it. */
  readonly minHistoryDays: number;
  /** Only the most recent days count: habits change, and old months would blur them. */
  readonly maxHistoryDays: number;
  /** A weekday gets its own baseline only with this many samples of it. */
  readonly minWeekdaySamples: number;
  /** A quiet weekday's expectation never falls below this share of the all-days median. */
  readonly weekdayFloorShare: number;
  /** Expected daily volume never below this: a 1 MiB line doing 10 MiB is not news. */
  readonly minDailyOctets: number;
  /** The spread is at least this share of the expectation: MAD is 0 on very regular lines. */
  readonly minRelativeSpread: number;
  /** Daily spend spread never below this, for the same reason. */
  readonly minSpendSpread: Micros;
}

export interface DetectionOptions {
  readonly baseline: BaselineOptions;
  readonly volumeMultiple: {
    readonly windowDays: number;
    readonly windowMultiple: number;
    readonly dayMultiple: number;
    readonly minZ: number;
    readonly minExcessOctets: number;
  };
  readonly roamingSpike: {
    readonly windowDays: number;
    readonly windowMultiple: number;
    readonly dayMultiple: number;
    readonly minZ: number;
    readonly minExcessOctets: number;
  };
  readonly heavyRoaming: {
    readonly windowDays: number;
    /** A day is spent roaming when at least this share of its traffic is roaming. */
    readonly roamingDayShare: number;
    readonly minRoamingDays: number;
    readonly multiple: number;
    readonly minZ: number;
    readonly minExcessOctets: number;
  };
  readonly borderFlapping: {
    readonly windowDays: number;
    readonly minShare: number;
    readonly minRise: number;
    readonly minRatioToUsual: number;
    /** A mixed day carries at least this share on both the home country and the neighbour. */
    readonly mixedDayShare: number;
    readonly minMixedDays: number;
    readonly minForeignOctets: number;
  };
  readonly alwaysOn: {
    readonly minActiveHours: number;
    readonly minRunDays: number;
    /** Above this share of always-on days in history, round-the-clock use is the line's habit. */
    readonly maxUsualShare: number;
    readonly minRiseHours: number;
  };
  readonly spendVelocity: {
    readonly windowDays: number;
    /** 50 EUR: the EU's default roaming-data limit, a sum regulators consider worth a stop. */
    readonly minWindowSpend: Micros;
    readonly multiple: number;
    readonly minZ: number;
    /** The window must also beat this multiple of the line's 95th-percentile past window. */
    readonly historyMultiple: number;
  };
  readonly peerOutlier: {
    readonly minPeerSamples: number;
    readonly minDaysObserved: number;
    readonly multipleOfP99: number;
    readonly minSpend: Micros;
  };
}

export const DEFAULT_OPTIONS: DetectionOptions = {
  baseline: {
    minHistoryDays: 28,
    maxHistoryDays: 91,
    minWeekdaySamples: 4,
    weekdayFloorShare: 0.7,
    minDailyOctets: MIB,
    minRelativeSpread: 0.25,
    minSpendSpread: eur(0.5),
  },
  volumeMultiple: { windowDays: 3, windowMultiple: 4, dayMultiple: 10, minZ: 5, minExcessOctets: 128 * MIB },
  roamingSpike: { windowDays: 3, windowMultiple: 5, dayMultiple: 8, minZ: 5, minExcessOctets: 128 * MIB },
  heavyRoaming: {
    windowDays: 14,
    roamingDayShare: 0.5,
    minRoamingDays: 6,
    multiple: 2.5,
    minZ: 4,
    minExcessOctets: 256 * MIB,
  },
  borderFlapping: {
    windowDays: 7,
    minShare: 0.25,
    minRise: 0.15,
    minRatioToUsual: 4,
    mixedDayShare: 0.05,
    minMixedDays: 4,
    minForeignOctets: MIB,
  },
  alwaysOn: { minActiveHours: 22, minRunDays: 3, maxUsualShare: 0.1, minRiseHours: 6 },
  spendVelocity: { windowDays: 3, minWindowSpend: eur(50), multiple: 4, minZ: 6, historyMultiple: 3 },
  peerOutlier: { minPeerSamples: 30, minDaysObserved: 3, multipleOfP99: 2, minSpend: eur(50) },
};
