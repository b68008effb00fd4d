/**
 * Every parameter of the simulated populations, in one place. Ranges are [low, high], drawn
 * uniformly per line; "share" is a fraction of the lines. Changing a value here changes the
 * population for every seed; the detectors' thresholds live in src/domain/anomaly/options.ts.
 */
import type { MonthId, ReasonCode } from "../../src/domain/anomaly/index.ts";
import type { UsageParams } from "./habits.ts";
import type { HardNegativeKind } from "./labels.ts";
import type { SimPlan } from "./tariff.ts";

export type Range = readonly [number, number];

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;

export interface PlantParams {
  /** Day of the month an anomaly starts, so each has days to show before the month ends. */
  readonly onsetDay: Range;
  /** Domestic volume × factor for `days` days; each day carries at least `minDailyOctets`. */
  readonly volumeMultiple: { readonly factor: Range; readonly days: Range; readonly minDailyOctets: number };
  /** Round the clock for `days` days, volume × `volumeFactor`; only lines usually under `maxMeanHours`. */
  readonly alwaysOn: { readonly days: Range; readonly volumeFactor: Range; readonly maxMeanHours: number };
  /** A short trip of `tripDays`, with `spikeDays` of them at × factor (at least `minSpikeOctets`). */
  readonly roamingSpike: {
    readonly tripDays: Range;
    readonly spikeDays: Range;
    readonly factor: Range;
    readonly minSpikeOctets: number;
  };
  /** A long stay abroad at a sustained multiple of the usual volume (at least `minDailyOctets` a day). */
  readonly heavyRoaming: { readonly days: Range; readonly volumeFactor: Range; readonly minDailyOctets: number };
  /** A neighbour's network takes a growing share of a line that stays at home. */
  readonly borderFlapping: { readonly rampDays: Range; readonly startShare: Range; readonly endShare: Range };
  /** A trip outside the EU at ordinary volume, billed at world-zone prices. */
  readonly spendVelocity: { readonly days: Range; readonly volumeFactor: Range };
  /** A new line (activated `activationOffset` days from the period's start) using × factor the plan's median. */
  readonly peerOutlier: { readonly activationOffset: Range; readonly factor: Range };
}

export interface HardNegativeParams {
  /** Steadily heavy: × factor the median every month; some of them round the clock by habit. */
  readonly heavySteady: { readonly factor: Range; readonly alwaysOnShare: number };
  /** An ordinary trip in the EU at about the usual volume, mostly to Spain. */
  readonly travellerEu: { readonly days: Range; readonly volumeFactor: Range; readonly spainShare: number };
  /** A new line with ordinary usage for its plan; `heavyShare` of them at × `heavyFactor` the median. */
  readonly newLine: { readonly activationOffset: Range; readonly heavyShare: number; readonly heavyFactor: Range };
  /** A usual small share on a neighbouring country's network, in history and now. */
  readonly borderResident: { readonly share: Range };
}

export interface PopulationParams {
  readonly name: string;
  readonly period: MonthId;
  /** Complete months of history before the period, for lines old enough. */
  readonly historyMonths: number;
  readonly plans: readonly SimPlan[];
  readonly usage: UsageParams;
  /** Ordinary trips in the history months (so that roaming in the past is normal). */
  readonly historyTrips: { readonly probability: number; readonly days: Range; readonly volumeFactor: Range };
  /** Share of lines that share their account with the previous line. */
  readonly sharedAccountShare: number;
  readonly anomalyShare: Readonly<Record<ReasonCode, number>>;
  readonly hardNegativeShare: Readonly<Record<HardNegativeKind, number>>;
  readonly plants: PlantParams;
  readonly hardNegatives: HardNegativeParams;
}

/** A present-day population: roam-like-at-home in the EU, world roaming billed. */
export const MIXED: PopulationParams = {
  name: "mixed",
  period: "2025-10",
  historyMonths: 3,
  plans: [
    {
      id: "mobile-20",
      includedDomestic: 20 * GIB,
      domesticBeyond: undefined,
      euIncluded: 12 * GIB,
      euBeyond: { unitOctets: MIB, microsPerUnit: 1_500 },
      world: { unitOctets: KIB, microsPerUnit: 1_000 },
      volumeFactor: 1,
      share: 0.55,
    },
    {
      id: "pro-100",
      includedDomestic: 100 * GIB,
      domesticBeyond: { unitOctets: MIB, microsPerUnit: 10_000 },
      euIncluded: 25 * GIB,
      euBeyond: { unitOctets: MIB, microsPerUnit: 1_500 },
      world: { unitOctets: KIB, microsPerUnit: 1_000 },
      volumeFactor: 2,
      share: 0.3,
    },
    {
      id: "data-200",
      includedDomestic: 200 * GIB,
      domesticBeyond: undefined,
      euIncluded: 35 * GIB,
      euBeyond: { unitOctets: MIB, microsPerUnit: 1_500 },
      world: { unitOctets: KIB, microsPerUnit: 1_000 },
      volumeFactor: 3,
      share: 0.15,
    },
  ],
  usage: {
    medianDailyOctets: 150 * MIB,
    betweenLineSigma: 0.9,
    noiseSigma: 0.45,
    idleProbability: 0.04,
    officeShare: 0.4,
    officeWeekendFactor: 0.35,
    consumerWeekendFactor: 1.25,
    meanHours: [3, 15],
    hoursSd: 2.5,
    nationalLines: 0.1,
    nationalShare: [0.01, 0.05],
    bitmapShare: 0.5,
  },
  historyTrips: { probability: 0.15, days: [2, 6], volumeFactor: [0.7, 1.3] },
  sharedAccountShare: 0.2,
  anomalyShare: {
    roaming_spike: 0.01,
    border_flapping: 0.01,
    always_on: 0.01,
    volume_multiple: 0.01,
    spend_velocity: 0.01,
    heavy_roaming: 0.01,
    peer_outlier: 0.01,
  },
  hardNegativeShare: { heavy_steady: 0.03, traveller_eu: 0.03, new_line: 0.03, border_resident: 0.03 },
  plants: {
    onsetDay: [4, 22],
    volumeMultiple: { factor: [5, 25], days: [3, 10], minDailyOctets: 0 },
    alwaysOn: { days: [4, 9], volumeFactor: [1, 2], maxMeanHours: 12 },
    roamingSpike: { tripDays: [2, 4], spikeDays: [1, 2], factor: [12, 40], minSpikeOctets: 0 },
    heavyRoaming: { days: [8, 16], volumeFactor: [3, 5], minDailyOctets: 0 },
    borderFlapping: { rampDays: [5, 10], startShare: [0.15, 0.3], endShare: [0.6, 0.95] },
    spendVelocity: { days: [3, 7], volumeFactor: [0.6, 1.3] },
    peerOutlier: { activationOffset: [-10, 12], factor: [40, 120] },
  },
  hardNegatives: {
    heavySteady: { factor: [6, 15], alwaysOnShare: 0.5 },
    travellerEu: { days: [5, 9], volumeFactor: [0.7, 1.5], spainShare: 0.7 },
    newLine: { activationOffset: [-20, 15], heavyShare: 0.3, heavyFactor: [3, 8] },
    borderResident: { share: [0.02, 0.1] },
  },
};
