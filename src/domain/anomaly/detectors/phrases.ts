/** Phrases several messages share, so that both languages stay consistent across detectors. */
import type { IsoDate } from "../calendar.ts";
import { formatDay } from "../format.ts";
import type { Locale } from "../reasons.ts";

/** "On 6 Oct" / "From 6 Oct to 9 Oct", "Le 6 oct." / "Du 6 oct. au 9 oct.". */
export function dayRange(since: IsoDate, last: IsoDate, locale: Locale): string {
  const a = formatDay(since, locale);
  if (since === last) return locale === "en" ? `On ${a}` : `Le ${a}`;
  const b = formatDay(last, locale);
  return locale === "en" ? `From ${a} to ${b}` : `Du ${a} au ${b}`;
}

/** "since 6 Oct" / "depuis le 6 oct.". */
export function sinceDay(since: IsoDate, locale: Locale): string {
  const a = formatDay(since, locale);
  return locale === "en" ? `since ${a}` : `depuis le ${a}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Ends a sentence, without doubling the period of an abbreviation ("oct.") that ends it. */
export function stop(text: string): string {
  return text.endsWith(".") ? text : `${text}.`;
}
