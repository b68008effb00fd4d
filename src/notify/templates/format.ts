/**
 * Figures as a customer reads them, per locale: "45 923,61 €" in French, "€45,923.61" in
 * English. Money arrives as the payload's decimal strings and is only re-punctuated here,
 * never turned into a float. Plain spaces, not no-break ones: U+00A0 is outside GSM 03.38 and
 * would force a French SMS into UCS-2, halving what fits in one message.
 */
import type { Labels, Locale } from "./labels.ts";

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const SYMBOLS: Readonly<Record<string, string>> = { EUR: "€" };

export type Formatted = { ok: true; text: string } | { ok: false; message: string };

/** "45923.61" → "45 923,61 €" (fr) or "€45,923.61" (en); at least two decimals. */
export function formatMoney(decimal: string, locale: Locale, currency: string): Formatted {
  const m = DECIMAL.exec(decimal);
  if (!m) return { ok: false, message: `"${decimal}" is not a decimal amount` };
  const sign = m[1] ?? "";
  const whole = m[2] ?? "0";
  const fraction = m[3] ?? "";
  const cents = fraction.padEnd(2, "0");
  const symbol = SYMBOLS[currency];
  if (locale === "fr") return { ok: true, text: `${sign}${group(whole, " ")},${cents} ${symbol ?? currency}` };
  return { ok: true, text: symbol ? `${sign}${symbol}${group(whole, ",")}.${cents}` : `${sign}${group(whole, ",")}.${cents} ${currency}` };
}

function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

const KIB = 1024;
const MIB = KIB * 1024;
const GIB = MIB * 1024;

/** Octets in the binary units a tariff uses ("819,2 Mo", "1 Go"), one decimal at most. */
export function formatVolume(octets: number, locale: Locale, labels: Labels): string {
  const [size, unit] = octets >= GIB ? [GIB, "GiB"] : octets >= MIB ? [MIB, "MiB"] : [KIB, "KiB"];
  // Display only: one decimal of a volume is not money and may be rounded.
  const tenths = Math.round((octets * 10) / size);
  const text = tenths % 10 === 0 ? String(tenths / 10) : `${Math.floor(tenths / 10)}${locale === "fr" ? "," : "."}${tenths % 10}`;
  return `${text} ${labels.units[unit] ?? unit}`;
}

export function formatPercent(pct: number, locale: Locale): string {
  return locale === "fr" ? `${pct} %` : `${pct}%`;
}

// Intl objects cost a tenth of a millisecond to build: one per locale, built once.
const months = new Map<Locale, Intl.DateTimeFormat>();
const days = new Map<Locale, Intl.DateTimeFormat>();
const regions = new Map<Locale, Intl.DisplayNames>();

function cached<T>(cache: Map<Locale, T>, locale: Locale, make: () => T): T {
  let value = cache.get(locale);
  if (value === undefined) {
    value = make();
    cache.set(locale, value);
  }
  return value;
}

/** "2009-10" → "octobre 2009" / "October 2009". */
export function formatPeriod(period: string, locale: Locale): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  const format = cached(months, locale, () => new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }));
  return format.format(Date.UTC(y, m - 1, 15));
}

/** "2009-12-01" → "1er décembre 2009" / "1 December 2009". */
export function formatDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const format = cached(
    days,
    locale,
    () => new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  );
  const text = format.format(Date.UTC(y, m - 1, d));
  // French writes the first of the month as an ordinal: "1er décembre".
  return locale === "fr" && d === 1 ? text.replace(/^1 /, "1er ") : text;
}

/** The country's name in the customer's language; the reference's (English) name otherwise. */
export function countryName(code: string, fallback: string, locale: Locale): string {
  try {
    const name = cached(regions, locale, () => new Intl.DisplayNames([locale], { type: "region" })).of(code);
    return name && name !== code ? name : fallback;
  } catch {
    return fallback;
  }
}
