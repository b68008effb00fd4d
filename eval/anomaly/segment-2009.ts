/**
 * The 2009 segment: 4,000 lines on the "3G+ Internet pro everywhere" plans (95 and 50 EUR a month,
 * 1 GiB domestic included, then 0.0002 EUR per started KiB; EU roaming 0.01 EUR per KiB), about
 * fifty of them abnormal, two of which are the invoices that reached the press, rebuilt to the
 * exact KiB (see story-cases.ts). The question it answers: would the detector have produced the
 * operator's list of "about fifty" lines, with both of those on it?
 */
import type { ReasonCode } from "../../src/domain/anomaly/index.ts";
import type { HardNegativeKind } from "./labels.ts";
import type { PopulationParams } from "./params.ts";
import { generatePopulation, type Population } from "./population.ts";
import { Rng } from "./prng.ts";
import { physician, valenciennes } from "./story-cases.ts";
import type { SimPlan } from "./tariff.ts";

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;

/** The pinned 2009 tariffs; rest of world at the catalog's illustrative 0.05 EUR per KiB. */
function plan2009(id: string, share: number): SimPlan {
  return {
    id,
    includedDomestic: GIB,
    domesticBeyond: { unitOctets: KIB, microsPerUnit: 200 },
    euIncluded: 0,
    euBeyond: { unitOctets: KIB, microsPerUnit: 10_000 },
    world: { unitOctets: KIB, microsPerUnit: 50_000 },
    volumeFactor: 1,
    share,
  };
}

export const PLAN_95 = plan2009("pro-everywhere-95", 0.45);
export const PLAN_50 = plan2009("pro-everywhere-50", 0.55);

/** Abnormal lines per 4,000, besides the two press cases: 48 + 2 = 50. */
const ABNORMAL: Readonly<Record<ReasonCode, number>> = {
  volume_multiple: 14,
  border_flapping: 7,
  roaming_spike: 6,
  heavy_roaming: 6,
  always_on: 6,
  spend_velocity: 5,
  peer_outlier: 4,
};

const HARD_NEGATIVE: Readonly<Record<HardNegativeKind, number>> = {
  heavy_steady: 80,
  traveller_eu: 40,
  new_line: 80,
  border_resident: 120,
};

const perLine = <K extends string>(counts: Readonly<Record<K, number>>): Record<K, number> => {
  const out = {} as Record<K, number>;
  for (const k of Object.keys(counts) as K[]) out[k] = counts[k] / 4000;
  return out;
};

export const SEGMENT_2009: PopulationParams = {
  name: "segment-2009",
  period: "2009-10",
  historyMonths: 3,
  plans: [PLAN_95, PLAN_50],
  usage: {
    // A 2009 3G key: a few MiB a day of e-mail and web, mostly on office days.
    medianDailyOctets: 8 * MIB,
    betweenLineSigma: 0.8,
    noiseSigma: 0.5,
    idleProbability: 0.15,
    officeShare: 0.8,
    officeWeekendFactor: 0.25,
    consumerWeekendFactor: 1.1,
    meanHours: [2, 10],
    hoursSd: 2,
    nationalLines: 0,
    nationalShare: [0, 0],
    bitmapShare: 0.5,
  },
  // Roaming was dear and known to be: the few past trips used the key sparingly.
  historyTrips: { probability: 0.05, days: [2, 5], volumeFactor: [0.02, 0.1] },
  sharedAccountShare: 0.3,
  anomalyShare: perLine(ABNORMAL),
  hardNegativeShare: perLine(HARD_NEGATIVE),
  plants: {
    onsetDay: [4, 22],
    volumeMultiple: { factor: [10, 40], days: [4, 12], minDailyOctets: 150 * MIB },
    alwaysOn: { days: [4, 9], volumeFactor: [1.5, 3], maxMeanHours: 10 },
    roamingSpike: { tripDays: [3, 5], spikeDays: [1, 2], factor: [15, 40], minSpikeOctets: 300 * MIB },
    heavyRoaming: { days: [8, 15], volumeFactor: [3, 6], minDailyOctets: 60 * MIB },
    borderFlapping: { rampDays: [5, 10], startShare: [0.15, 0.3], endShare: [0.6, 0.95] },
    spendVelocity: { days: [3, 7], volumeFactor: [0.3, 1] },
    peerOutlier: { activationOffset: [-10, 12], factor: [40, 120] },
  },
  hardNegatives: {
    heavySteady: { factor: [3, 6], alwaysOnShare: 0.3 },
    // A 2009 traveller knew roaming was dear: a few hundred KiB a day of mail, no more.
    travellerEu: { days: [3, 7], volumeFactor: [0.01, 0.05], spainShare: 0.7 },
    newLine: { activationOffset: [-20, 15], heavyShare: 0.3, heavyFactor: [2, 4] },
    borderResident: { share: [0.01, 0.04] },
  },
};

/** The segment: `count − 2` drawn lines plus the two press cases, labelled as planted. */
export function generateSegment2009(seed: number, count = 4000): Population {
  const population = generatePopulation(SEGMENT_2009, seed, count - STORIES.length);
  const rng = new Rng(seed, 2009);
  for (const s of STORIES) {
    const line = s.build(rng, SEGMENT_2009.period, s.plan);
    population.lines.push(line);
    population.labels.set(line.lineId, { group: "anomaly", kind: s.kind, story: s.story });
  }
  return population;
}

/** Which detector should name each press case: both were new lines, so peers judge volume. */
const STORIES = [
  { story: "valenciennes", kind: "border_flapping", plan: PLAN_95, build: valenciennes },
  { story: "physician", kind: "peer_outlier", plan: PLAN_50, build: physician },
] as const;
