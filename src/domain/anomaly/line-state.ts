/**
 * The running totals of one line in one period: every detector's state, as plain data that can
 * be stored between days. Folding the period's days through `stepLineState` is the whole of
 * detection, which is why the batch and the incremental APIs cannot disagree.
 */
import { addDays, type IsoDate } from "./calendar.ts";
import type { LineContext } from "./context.ts";
import type { DayView } from "./day.ts";
import { type AlwaysOnState, alwaysOnReason, initAlwaysOn, stepAlwaysOn } from "./detectors/always-on.ts";
import { type BorderFlappingState, borderFlappingReason, initBorderFlapping, stepBorderFlapping } from "./detectors/border-flapping.ts";
import { type HeavyRoamingState, heavyRoamingReason, initHeavyRoaming, stepHeavyRoaming } from "./detectors/heavy-roaming.ts";
import { initPeerOutlier, type PeerOutlierState, peerOutlierReason, stepPeerOutlier } from "./detectors/peer-outlier.ts";
import { initRoamingSpike, type RoamingSpikeState, roamingSpikeReason, stepRoamingSpike } from "./detectors/roaming-spike.ts";
import { initSpendVelocity, type SpendVelocityState, spendVelocityReason, stepSpendVelocity } from "./detectors/spend-velocity.ts";
import { initVolumeMultiple, stepVolumeMultiple, type VolumeMultipleState, volumeMultipleReason } from "./detectors/volume-multiple.ts";
import type { Locale, Reason, ReasonCode } from "./reasons.ts";

/** A detector's state is undefined when it does not apply to the line (e.g. no history). */
export interface LineState {
  /** The next day to fold in; silent days before a later one are folded in as zeros. */
  readonly nextDate: IsoDate;
  readonly daysObserved: number;
  readonly roamingSpike: RoamingSpikeState | undefined;
  readonly borderFlapping: BorderFlappingState;
  readonly alwaysOn: AlwaysOnState | undefined;
  readonly volumeMultiple: VolumeMultipleState | undefined;
  readonly spendVelocity: SpendVelocityState;
  readonly heavyRoaming: HeavyRoamingState | undefined;
  readonly peerOutlier: PeerOutlierState | undefined;
}

export function initLineState(ctx: LineContext): LineState {
  return {
    nextDate: ctx.watchFrom,
    daysObserved: 0,
    roamingSpike: initRoamingSpike(ctx),
    borderFlapping: initBorderFlapping(ctx),
    alwaysOn: initAlwaysOn(ctx),
    volumeMultiple: initVolumeMultiple(ctx),
    spendVelocity: initSpendVelocity(ctx),
    heavyRoaming: initHeavyRoaming(ctx),
    peerOutlier: initPeerOutlier(ctx),
  };
}

/** Applies `step` when the detector applies to the line. */
function maybe<S>(s: S | undefined, step: (s: S) => S): S | undefined {
  return s === undefined ? undefined : step(s);
}

/** `day` must be `s.nextDate`: the callers fill silent days first. */
export function stepLineState(ctx: LineContext, s: LineState, day: DayView): LineState {
  return {
    nextDate: addDays(day.date, 1),
    daysObserved: s.daysObserved + 1,
    roamingSpike: maybe(s.roamingSpike, (x) => stepRoamingSpike(ctx, x, day)),
    borderFlapping: stepBorderFlapping(ctx, s.borderFlapping, day),
    alwaysOn: maybe(s.alwaysOn, (x) => stepAlwaysOn(ctx, x, day)),
    volumeMultiple: maybe(s.volumeMultiple, (x) => stepVolumeMultiple(ctx, x, day)),
    spendVelocity: stepSpendVelocity(ctx, s.spendVelocity, day),
    heavyRoaming: maybe(s.heavyRoaming, (x) => stepHeavyRoaming(ctx, x, day)),
    peerOutlier: maybe(s.peerOutlier, (x) => stepPeerOutlier(ctx, x, day)),
  };
}

/** Every reason that has fired so far, in no particular order. */
export function reasonsOf(ctx: LineContext, s: LineState, locale: Locale): Reason[] {
  const all = [
    s.roamingSpike && roamingSpikeReason(ctx, s.roamingSpike, locale),
    borderFlappingReason(ctx, s.borderFlapping, locale),
    s.alwaysOn && alwaysOnReason(ctx, s.alwaysOn, locale),
    s.volumeMultiple && volumeMultipleReason(ctx, s.volumeMultiple, locale),
    spendVelocityReason(ctx, s.spendVelocity, locale),
    s.heavyRoaming && heavyRoamingReason(ctx, s.heavyRoaming, locale),
    s.peerOutlier && peerOutlierReason(ctx, s.peerOutlier, locale),
  ];
  return all.filter((r): r is Reason => r !== undefined);
}

/** The codes that have fired so far: cheaper than building messages, for the per-day check. */
export function firedCodes(s: LineState): ReasonCode[] {
  const fired: [ReasonCode, boolean][] = [
    ["roaming_spike", s.roamingSpike?.burst !== undefined],
    ["border_flapping", s.borderFlapping.flap !== undefined],
    ["always_on", s.alwaysOn?.episode !== undefined],
    ["volume_multiple", s.volumeMultiple?.burst !== undefined],
    ["spend_velocity", s.spendVelocity.surge !== undefined],
    ["heavy_roaming", s.heavyRoaming?.stay !== undefined],
    ["peer_outlier", s.peerOutlier?.fired !== undefined],
  ];
  return fired.filter(([, on]) => on).map(([code]) => code);
}
