/**
 * `roaming_spike`: a short burst of roaming traffic far above what the line uses in a day
 * anywhere. A traveller consumes about their usual volume abroad (that is not news); a hotspot or
 * a video stream on a foreign network is, and at out-of-bundle prices it is the costly kind.
 */
import type { LineContext } from "../context.ts";
import { countryName, formatPlmn } from "../countries.ts";
import { type DayView, mccOf } from "../day.ts";
import { decimalEur, formatMoney, formatMultiple, formatOctets, punct } from "../format.ts";
import type { Locale, Reason } from "../reasons.ts";
import { reasonScore, round1 } from "../severity.ts";
import { topNetwork } from "../window.ts";
import { type BurstState, initProfiledBurst, stepProfiledBurst } from "./burst.ts";
import { dayRange, sinceDay, stop } from "./phrases.ts";

export type RoamingSpikeState = BurstState;

export function initRoamingSpike(ctx: LineContext): RoamingSpikeState | undefined {
  return initProfiledBurst(ctx);
}

export function stepRoamingSpike(ctx: LineContext, s: RoamingSpikeState, day: DayView): RoamingSpikeState {
  return stepProfiledBurst(ctx, s, day, day.roaming, day.foreign, ctx.options.roamingSpike);
}

export function roamingSpikeReason(ctx: LineContext, s: RoamingSpikeState, locale: Locale): Reason | undefined {
  const b = s.burst;
  if (b === undefined) return undefined;
  const multiple = b.actual / b.expected;
  const score = reasonScore(multiple / ctx.options.roamingSpike.windowMultiple, b.spend);
  const top = topNetwork(b.networks);
  const plmn = top === undefined ? "?" : formatPlmn(top.plmn);
  const country = top === undefined ? "?" : countryName(mccOf(top.plmn), locale);
  const vol = formatOctets(b.actual, locale);
  const usual = formatOctets(b.expected, locale);
  const money = formatMoney(b.spend, locale);
  const range = dayRange(b.since, b.lastDay, locale);
  const times = formatMultiple(multiple, locale);
  const message =
    locale === "en"
      ? `${range}, ${vol} of roaming data via ${plmn} (${country}), ${times} the line's usual ${usual} for those days; ${money} billed ${stop(sinceDay(b.since, locale))} Ask the customer whether a device is sharing its connection or streaming abroad; offer a roaming pass or a lower cap.`
      : `${range}, ${vol} de données en itinérance via ${plmn} (${country}), ${times} les ${usual} habituels de la ligne pour ces jours${punct(";", locale)} ${money} facturés ${stop(sinceDay(b.since, locale))} Demander au client si un appareil partage sa connexion ou diffuse de la vidéo à l'étranger${punct(";", locale)} proposer un forfait itinérance ou un plafond plus bas.`;
  return {
    code: "roaming_spike",
    score,
    since: b.since,
    message,
    evidence: {
      since: b.since,
      score,
      spend_since_eur: decimalEur(b.spend),
      last_day: b.lastDay,
      roaming_octets: b.actual,
      usual_octets: Math.round(b.expected),
      multiple: round1(multiple),
      plmn: top?.plmn ?? "",
      country: top === undefined ? "" : countryName(mccOf(top.plmn), "en"),
    },
  };
}
