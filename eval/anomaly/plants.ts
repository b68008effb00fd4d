/**
 * Plants an anomaly or a hard negative on a line being drawn. Each changes only the line's habits,
 * activation or episodes: the synthesis that follows is the same for every line.
 */
import type { ReasonCode } from "../../src/domain/anomaly/index.ts";
import type { Episode } from "./episodes.ts";
import type { Habits } from "./habits.ts";
import type { HardNegativeKind } from "./labels.ts";
import { BORDER_PLMNS, EU_TRIP_PLMNS, SPAIN_PLMNS, WORLD_PLMNS } from "./networks.ts";
import type { PopulationParams, Range } from "./params.ts";
import type { Rng } from "./prng.ts";

export interface Draft {
  readonly habits: Habits;
  /** Median ordinary-day volume of the line's plan: what a peer outlier is a multiple of. */
  readonly planMedianOctets: number;
  /** Days from the period's first day; negative before it. */
  readonly activationOffset: number;
  readonly current: readonly Episode[];
  /** Episodes of each history month, oldest first. */
  readonly history: readonly (readonly Episode[])[];
}

const between = (rng: Rng, r: Range): number => rng.uniform(r[0], r[1]);
const intBetween = (rng: Rng, r: Range): number => rng.int(r[0], r[1]);

/** A span of `length` days starting at the onset, cut at the month's end. */
function span(rng: Rng, p: PopulationParams, length: number, monthDays: number) {
  const from = intBetween(rng, p.plants.onsetDay);
  return { from, to: Math.min(monthDays, from + length - 1) };
}

export function plantAnomaly(kind: ReasonCode, rng: Rng, d: Draft, p: PopulationParams, monthDays: number): Draft {
  const o = p.plants;
  const h = d.habits;
  switch (kind) {
    case "volume_multiple": {
      const factor = Math.max(between(rng, o.volumeMultiple.factor), o.volumeMultiple.minDailyOctets / h.dailyOctets);
      const s = span(rng, p, intBetween(rng, o.volumeMultiple.days), monthDays);
      return { ...d, current: [{ kind: "surge", ...s, factor }] };
    }
    case "always_on": {
      const s = span(rng, p, intBetween(rng, o.alwaysOn.days), monthDays);
      const habits = { ...h, meanHours: Math.min(h.meanHours, o.alwaysOn.maxMeanHours) };
      return { ...d, habits, current: [{ kind: "always_on", ...s, volumeFactor: between(rng, o.alwaysOn.volumeFactor) }] };
    }
    case "roaming_spike": {
      const s = span(rng, p, intBetween(rng, o.roamingSpike.tripDays), monthDays);
      const factor = (): number => Math.max(between(rng, o.roamingSpike.factor), o.roamingSpike.minSpikeOctets / h.dailyOctets);
      // Spikes fall on whole days abroad: a trip's first and last days are partly at home.
      const first = s.to - s.from >= 2 ? s.from + 1 : s.from;
      const spikes = [];
      for (let day = first; day < first + intBetween(rng, o.roamingSpike.spikeDays) && day <= s.to; day++) {
        spikes.push({ day, factor: factor() });
      }
      return { ...d, current: [{ kind: "trip", ...s, plmn: rng.pick(EU_TRIP_PLMNS), volumeFactor: 1, spikes }] };
    }
    case "heavy_roaming": {
      const s = span(rng, p, intBetween(rng, o.heavyRoaming.days), monthDays);
      const volumeFactor = Math.max(between(rng, o.heavyRoaming.volumeFactor), o.heavyRoaming.minDailyOctets / h.dailyOctets);
      return { ...d, current: [{ kind: "trip", ...s, plmn: rng.pick(EU_TRIP_PLMNS), volumeFactor, spikes: [] }] };
    }
    case "border_flapping": {
      const drift: Episode = {
        kind: "border_drift",
        from: intBetween(rng, p.plants.onsetDay),
        rampDays: intBetween(rng, o.borderFlapping.rampDays),
        plmn: rng.pick(BORDER_PLMNS),
        startShare: between(rng, o.borderFlapping.startShare),
        endShare: between(rng, o.borderFlapping.endShare),
      };
      return { ...d, current: [drift] };
    }
    case "spend_velocity": {
      const s = span(rng, p, intBetween(rng, o.spendVelocity.days), monthDays);
      const volumeFactor = between(rng, o.spendVelocity.volumeFactor);
      return { ...d, current: [{ kind: "trip", ...s, plmn: rng.pick(WORLD_PLMNS), volumeFactor, spikes: [] }] };
    }
    case "peer_outlier": {
      const habits = { ...h, dailyOctets: d.planMedianOctets * between(rng, o.peerOutlier.factor) };
      return { ...d, habits, activationOffset: intBetween(rng, o.peerOutlier.activationOffset), history: [] };
    }
  }
}

export function plantHardNegative(kind: HardNegativeKind, rng: Rng, d: Draft, p: PopulationParams, monthDays: number): Draft {
  const o = p.hardNegatives;
  switch (kind) {
    case "heavy_steady": {
      const habits = {
        ...d.habits,
        dailyOctets: d.habits.dailyOctets * between(rng, o.heavySteady.factor),
        alwaysOn: rng.chance(o.heavySteady.alwaysOnShare),
      };
      return { ...d, habits };
    }
    case "traveller_eu": {
      const s = span(rng, p, intBetween(rng, o.travellerEu.days), monthDays);
      const plmn = rng.chance(o.travellerEu.spainShare) ? rng.pick(SPAIN_PLMNS) : rng.pick(EU_TRIP_PLMNS);
      const volumeFactor = between(rng, o.travellerEu.volumeFactor);
      return { ...d, current: [{ kind: "trip", ...s, plmn, volumeFactor, spikes: [] }] };
    }
    case "new_line": {
      const heavy = rng.chance(o.newLine.heavyShare);
      const dailyOctets = heavy ? d.planMedianOctets * between(rng, o.newLine.heavyFactor) : d.habits.dailyOctets;
      const habits = { ...d.habits, dailyOctets };
      return { ...d, habits, activationOffset: intBetween(rng, o.newLine.activationOffset), history: [] };
    }
    case "border_resident": {
      const border = { plmn: rng.pick(BORDER_PLMNS), share: between(rng, o.borderResident.share) };
      return { ...d, habits: { ...d.habits, border } };
    }
  }
}
