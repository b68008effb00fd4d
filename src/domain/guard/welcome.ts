import { isRoaming } from "../catalog/networks.ts";
import type { Plan, Zone } from "../catalog/types.ts";
import type { Micros } from "../money.ts";
import type { PeriodCounters } from "../rating/counters.ts";
import type { EffectiveCap } from "./caps.ts";
import type { NoticeIntent } from "./notices.ts";

/**
 * The roaming welcome message: on the first usage in a foreign country in the period, with the
 * line's own prices there. Once per country per period, so that a line flapping across a
 * border is told once, not at every reselection.
 */
export function welcomeNotice(
  plan: Plan,
  zone: Zone,
  country: string,
  countryName: string,
  caps: readonly EffectiveCap[],
  line: PeriodCounters,
): NoticeIntent | undefined {
  if (!isRoaming(zone)) return undefined;
  const key = `welcome:${country}`;
  if (line.hasNotified(key)) return undefined;
  const prices = plan.tariffs.filter((t) => t.zones.includes(zone)).map((t) => ({ service: t.service, unitPrice: t.unitPrice, unitLabel: t.unitLabel }));
  const roamingCap = caps.find((c) => c.cap.lineRoamingOverride && c.cap.measure.zones.includes(zone));
  return {
    kind: "roaming_welcome",
    key,
    urgent: false,
    country,
    countryName,
    zone,
    prices,
    roamingCap: roamingCap ? (roamingCap.limit as Micros) : undefined,
  };
}
