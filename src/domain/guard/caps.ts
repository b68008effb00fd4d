import type { Cap, Plan, Service, Zone } from "../catalog/types.ts";
import type { Micros } from "../money.ts";

/** What a line chose about the roaming safeguard (lines file or self-care). */
export interface LineCapChoices {
  /** Another roaming-data limit than the catalog's (higher or lower). */
  readonly roamingCap: Micros | undefined;
  /** Explicit opt-out from the roaming cut-off. */
  readonly roamingOptOut: boolean;
}

/** A cap as it applies to one line: the catalog's, with the customer's own limit where allowed. */
export interface EffectiveCap {
  readonly cap: Cap;
  readonly limit: number;
}

export function effectiveCaps(plan: Plan, choices: LineCapChoices): EffectiveCap[] {
  const out: EffectiveCap[] = [];
  for (const cap of plan.caps) {
    if (cap.lineRoamingOverride) {
      if (choices.roamingOptOut) continue;
      out.push({ cap, limit: choices.roamingCap ?? cap.limit });
    } else {
      out.push({ cap, limit: cap.limit });
    }
  }
  return out;
}

export function capApplies(cap: Cap, service: Service, zone: Zone): boolean {
  return (cap.measure.service === undefined || cap.measure.service === service) && cap.measure.zones.includes(zone);
}
