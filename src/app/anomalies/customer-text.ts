/**
 * What the customer is told about a finding. The detectors' own messages are written for the
 * operator's staff ("contact the customer…"); a notice needs one plain sentence about the line's
 * usage, in the line's language, built from the finding's evidence. No advice and no blame: the
 * template adds that an adviser can call back.
 */
import { formatMoney, type Locale, type Reason } from "../../domain/anomaly/index.ts";
import { money } from "../../domain/index.ts";

const MONTHS: Readonly<Record<Locale, readonly string[]>> = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
};
const NNBSP = "\u202f";

function day(date: string, locale: Locale): string {
  const d = Number(date.slice(8, 10));
  const m = MONTHS[locale][Number(date.slice(5, 7)) - 1] ?? "";
  return locale === "en" ? `${d} ${m}` : `${d === 1 ? "1er" : d} ${m}`;
}

function decimal(value: number, digits: number, locale: Locale): string {
  const text = value.toFixed(digits);
  return locale === "fr" ? text.replace(".", ",") : text;
}

/** "4.4 GB" / "4,4 Go": a customer reads gigabytes, not gibibytes, and one decimal is plenty. */
function volume(octets: number, locale: Locale): string {
  const units = locale === "en" ? ["KB", "MB", "GB", "TB"] : ["Ko", "Mo", "Go", "To"];
  let value = octets / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${decimal(value, value < 10 ? 1 : 0, locale)}${locale === "en" ? " " : NNBSP}${units[unit]}`;
}

/** Evidence money is the interchange's decimal string; it was made from micros, so it parses back. */
function euros(text: string, locale: Locale): string {
  return formatMoney(money.parseDecimal(text) ?? money.ZERO, locale);
}

/** The country of a network in the customer's language; the evidence carries the English name. */
export type CountryOf = (plmn: string, locale: Locale) => string | undefined;

function times(multiple: number, locale: Locale): string {
  return locale === "en" ? `${decimal(multiple, multiple < 10 ? 1 : 0, locale)} times` : `${decimal(multiple, multiple < 10 ? 1 : 0, locale)} fois`;
}

/** One sentence, ending with what has been billed since the pattern began. */
export function customerText(reason: Reason, locale: Locale, countryOf: CountryOf): string {
  const since = day(reason.since, locale);
  const billed = euros(reason.evidence.spend_since_eur, locale);
  const en = locale === "en";
  // Nothing billed (a cap held, or usage inside the allowance): saying "0.00 EUR" would alarm for nothing.
  const free = money.parseDecimal(reason.evidence.spend_since_eur) === money.ZERO;
  const tail = free ? "" : en ? ` ${billed} billed since then.` : ` ${billed} facturés depuis.`;
  switch (reason.code) {
    case "roaming_spike":
    case "heavy_roaming": {
      const e = reason.evidence;
      const country = countryOf(e.plmn, locale) ?? e.country;
      return en
        ? `Since ${since}, ${volume(e.roaming_octets, locale)} of data used abroad (${country}), ${times(e.multiple, locale)} your usual daily use, billed as roaming.${tail}`
        : `Depuis le ${since}, ${volume(e.roaming_octets, locale)} de données utilisées à l'étranger (${country}), ${times(e.multiple, locale)} votre usage quotidien habituel, facturées en itinérance.${tail}`;
    }
    case "border_flapping": {
      const e = reason.evidence;
      const pct = en ? `${e.share_pct}%` : `${e.share_pct}${NNBSP}%`;
      const country = countryOf(e.plmn, locale) ?? e.country;
      const network = `${e.plmn.slice(0, 3)}-${e.plmn.slice(3)}`;
      return en
        ? `Since ${since}, ${pct} of your data went through a network in ${country} (${network}) on days your device also used your home network: it is billed as roaming.${tail}`
        : `Depuis le ${since}, ${pct} de vos données sont passées par un réseau étranger (${country}, ${network}) des jours où votre appareil utilisait aussi votre réseau habituel${NNBSP}: elles sont facturées en itinérance.${tail}`;
    }
    case "always_on":
      return en
        ? `Since ${since}, your line has stayed connected round the clock for ${reason.evidence.run_days} days (${volume(reason.evidence.octets_since, locale)}).${tail}`
        : `Depuis le ${since}, votre ligne est restée connectée jour et nuit pendant ${reason.evidence.run_days} jours (${volume(reason.evidence.octets_since, locale)}).${tail}`;
    case "volume_multiple":
      return en
        ? `Since ${since}, ${volume(reason.evidence.octets_since, locale)} of data, ${times(reason.evidence.multiple, locale)} your usual use.${tail}`
        : `Depuis le ${since}, ${volume(reason.evidence.octets_since, locale)} de données, ${times(reason.evidence.multiple, locale)} votre consommation habituelle.${tail}`;
    case "spend_velocity":
      return en
        ? `Since ${since}, your charges are rising much faster than usual: up to ${euros(reason.evidence.peak_window_spend_eur, locale)} in ${reason.evidence.window_days} days.${tail}`
        : `Depuis le ${since}, vos frais augmentent bien plus vite que d'habitude${NNBSP}: jusqu'à ${euros(reason.evidence.peak_window_spend_eur, locale)} en ${reason.evidence.window_days} jours.${tail}`;
    case "peer_outlier":
      return en
        ? `Since ${since}, your line has used far more than lines on the same offer usually use in a whole month.${tail}`
        : `Depuis le ${since}, votre ligne a consommé bien plus que ce que les lignes de la même offre consomment d'habitude en un mois.${tail}`;
  }
}
