/**
 * `volume_multiple`: domestic traffic suddenly at a multiple of the line's usual volume, as with
 * the 2009 physician whose key moved 759 GiB beyond a 1 GiB allowance in one month.
 */
import type { LineContext } from "../context.ts";
import type { DayView } from "../day.ts";
import { decimalEur, formatMoney, formatMultiple, formatOctets, punct } from "../format.ts";
import type { Locale, Reason } from "../reasons.ts";
import { reasonScore, round1 } from "../severity.ts";
import { type BurstState, initProfiledBurst, stepProfiledBurst } from "./burst.ts";
import { dayRange, sinceDay, stop } from "./phrases.ts";

export type VolumeMultipleState = BurstState;

export function initVolumeMultiple(ctx: LineContext): VolumeMultipleState | undefined {
  return initProfiledBurst(ctx);
}

export function stepVolumeMultiple(ctx: LineContext, s: VolumeMultipleState, day: DayView): VolumeMultipleState {
  return stepProfiledBurst(ctx, s, day, day.domestic, [], ctx.options.volumeMultiple);
}

export function volumeMultipleReason(ctx: LineContext, s: VolumeMultipleState, locale: Locale): Reason | undefined {
  const b = s.burst;
  if (b === undefined) return undefined;
  const multiple = b.actual / b.expected;
  const score = reasonScore(multiple / ctx.options.volumeMultiple.windowMultiple, b.spend);
  const vol = formatOctets(b.actual, locale);
  const usual = formatOctets(b.expected, locale);
  const money = formatMoney(b.spend, locale);
  const range = dayRange(b.since, b.lastDay, locale);
  const message =
    locale === "en"
      ? `${range}, ${vol} of domestic data on ${b.days} day(s), ${formatMultiple(multiple, locale)} the usual ${usual} for those days; ${money} billed ${stop(sinceDay(b.since, locale))} Check with the customer before invoicing: a new use (backups, sharing, a router) or a compromised device; offer fair-use throttling or a plan that fits.`
      : `${range}, ${vol} de données nationales sur ${b.days} jour(s), ${formatMultiple(multiple, locale)} les ${usual} habituels pour ces jours${punct(";", locale)} ${money} facturés ${stop(sinceDay(b.since, locale))} Vérifier avec le client avant de facturer${punct(":", locale)} nouvel usage (sauvegardes, partage, routeur) ou appareil compromis${punct(";", locale)} proposer un bridage au-delà du volume ou une offre adaptée.`;
  return {
    code: "volume_multiple",
    score,
    since: b.since,
    message,
    evidence: {
      since: b.since,
      score,
      spend_since_eur: decimalEur(b.spend),
      octets_since: b.actual,
      usual_octets: Math.round(b.expected),
      multiple: round1(multiple),
    },
  };
}
