import type { Service, Zone } from "../catalog/types.ts";
import type { PeriodCounters } from "../rating/counters.ts";
import { capApplies, type EffectiveCap } from "./caps.ts";

export interface VolumeClamp {
  readonly allowed: number;
  readonly over: number;
  readonly capId: string | undefined;
}

/** A blocking volume cap lets through only what fits under its limit; the rest is over cap. */
export function clampVolume(
  caps: readonly EffectiveCap[],
  service: Service,
  zone: Zone,
  quantity: number,
  line: PeriodCounters,
  account: PeriodCounters,
): VolumeClamp {
  let allowed = quantity;
  let capId: string | undefined;
  for (const { cap, limit } of caps) {
    if (cap.action !== "block" || cap.measure.kind !== "volume" || !capApplies(cap, service, zone)) continue;
    const counters = cap.scope === "account" ? account : line;
    if (counters.isConsented(cap.id)) continue;
    const headroom = Math.max(0, limit - counters.measure("volume", cap.measure.service, cap.measure.zones));
    if (headroom < allowed) {
      allowed = headroom;
      capId = cap.id;
    }
  }
  return { allowed, over: quantity - allowed, capId };
}
