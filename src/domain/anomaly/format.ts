/**
 * Formatting for messages a person acts on. Money is formatted from integer micro-units with
 * integer arithmetic only: a float on the way to a message is how "45,923.61" becomes
 * "45,923.60" in a letter to a customer.
 */
import { type IsoDate, monthOf } from "./calendar.ts";
import type { Locale } from "./reasons.ts";
import { GIB, KIB, MIB, MICROS_PER_CENT, type Micros } from "./units.ts";

/** Narrow no-break space: French thousands separator and the space before ; : % etc. */
export const NNBSP = "\u202f";

const GROUP: Readonly<Record<Locale, string>> = { en: ",", fr: NNBSP };
const DECIMAL: Readonly<Record<Locale, string>> = { en: ".", fr: "," };
/** Between a number and its unit: breakable in English, never broken in French. */
const UNIT_SPACE: Readonly<Record<Locale, string>> = { en: " ", fr: NNBSP };

function groupDigits(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Whole cents, half-up (away from zero for the half), as invoices round them. */
export function roundToCents(value: Micros): number {
  const abs = Math.abs(value);
  const rest = abs % MICROS_PER_CENT;
  const cents = (abs - rest) / MICROS_PER_CENT + (rest * 2 >= MICROS_PER_CENT ? 1 : 0);
  return value < 0 ? -cents : cents;
}

function splitCents(value: Micros): { sign: string; units: string; cents: string } {
  const cents = roundToCents(value);
  const abs = Math.abs(cents);
  const rest = abs % 100;
  return {
    sign: cents < 0 ? "-" : "",
    units: String((abs - rest) / 100),
    cents: String(rest).padStart(2, "0"),
  };
}

/** "45828.61": the interchange's decimal string. */
export function decimalEur(value: Micros): string {
  const { sign, units, cents } = splitCents(value);
  return `${sign}${units}.${cents}`;
}

/** "45,828.61 EUR" or "45 828,61 EUR". */
export function formatMoney(value: Micros, locale: Locale): string {
  const { sign, units, cents } = splitCents(value);
  return `${sign}${groupDigits(units, GROUP[locale])}${DECIMAL[locale]}${cents}${UNIT_SPACE[locale]}EUR`;
}

/** A decimal for display only (volumes, ratios); never for money. */
export function formatNumber(value: number, decimals: number, locale: Locale): string {
  const [units = "0", fraction] = value.toFixed(decimals).split(".");
  const grouped = groupDigits(units, GROUP[locale]);
  return fraction === undefined ? grouped : `${grouped}${DECIMAL[locale]}${fraction}`;
}

const UNITS: readonly { size: number; en: string; fr: string }[] = [
  { size: GIB * 1024, en: "TiB", fr: "Tio" },
  { size: GIB, en: "GiB", fr: "Gio" },
  { size: MIB, en: "MiB", fr: "Mio" },
  { size: KIB, en: "KiB", fr: "Kio" },
];

/** "4.37 GiB" / "4,37 Gio": three significant digits are enough to act on. */
export function formatOctets(octets: number, locale: Locale): string {
  const unit = UNITS.find((u) => octets >= u.size);
  if (unit === undefined) return `${octets}${UNIT_SPACE[locale]}${locale === "en" ? "B" : "o"}`;
  const value = octets / unit.size;
  const decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${formatNumber(value, decimals, locale)}${UNIT_SPACE[locale]}${unit[locale]}`;
}

export function formatPercent(share: number, locale: Locale): string {
  const pct = Math.round(share * 100);
  return locale === "en" ? `${pct}%` : `${pct}${NNBSP}%`;
}

/** "38×" / "38 fois". */
export function formatMultiple(multiple: number, locale: Locale): string {
  const text = formatNumber(multiple, multiple < 10 ? 1 : 0, locale);
  return locale === "en" ? `${text}×` : `${text} fois`;
}

const MONTHS: Readonly<Record<Locale, readonly string[]>> = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  fr: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
};

/** "6 Oct" / "6 oct.", "1er oct.": findings are read within their period, so the year is noise. */
export function formatDay(date: IsoDate, locale: Locale): string {
  const month = MONTHS[locale][Number(monthOf(date).slice(5, 7)) - 1] ?? "";
  const day = Number(date.slice(8, 10));
  return `${locale === "fr" && day === 1 ? "1er" : day} ${month}`;
}

/** The French typographic space before two-part punctuation; nothing in English. */
export function punct(mark: ";" | ":", locale: Locale): string {
  return locale === "fr" ? `${NNBSP}${mark}` : mark;
}
