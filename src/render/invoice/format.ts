import { type Micros, money } from "../../domain/index.ts";
import type { Locale } from "./labels.ts";

/** Groups the digits of a whole number: "159 212" in French, "159,212" in English. */
export function groupDigits(digits: string, locale: Locale): string {
  const sep = locale === "fr" ? " " : ",";
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** An amount in whole cents as people read it: "159 212,00 €", "€159,212.00" (from the exact string, never a float). */
export function formatMoney(value: Micros, currency: string, locale: Locale): string {
  const text = money.toCents(value);
  const negative = text.startsWith("-");
  const [whole = "0", cents = "00"] = text.replace("-", "").split(".");
  const sign = negative ? "-" : "";
  const symbol = currency === "EUR" ? "€" : currency;
  if (locale === "fr") return `${sign}${groupDigits(whole, locale)},${cents} ${symbol}`;
  return currency === "EUR" ? `${sign}€${groupDigits(whole, locale)}.${cents}` : `${sign}${groupDigits(whole, locale)}.${cents} ${symbol}`;
}

/** "19.6" → "19,6" in French. */
export function formatRate(rate: string, locale: Locale): string {
  return locale === "fr" ? rate.replace(".", ",") : rate;
}

export function formatQuantity(quantity: number, locale: Locale): string {
  return groupDigits(String(quantity), locale);
}

const MONTHS: Readonly<Record<Locale, readonly string[]>> = {
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** "2009-10" → "octobre 2009" / "October 2009". */
export function formatPeriod(period: string, locale: Locale): string {
  const month = MONTHS[locale][Number(period.slice(5, 7)) - 1] ?? period.slice(5, 7);
  return `${month} ${period.slice(0, 4)}`;
}

/** "2009-11-02" (or an RFC 3339 instant's date) → "02/11/2009" / "2009-11-02". */
export function formatDate(date: string, locale: Locale): string {
  const d = date.slice(0, 10);
  return locale === "fr" ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : d;
}

/** A country's name in the invoice's language; the code itself when it is not a country (an MCC). */
export function countryName(code: string | undefined, locale: Locale): string {
  if (!code) return "";
  try {
    return new Intl.DisplayNames([locale], { type: "region", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A volume limit in the largest binary unit that divides it: "1 GiB" / "1 Gio". */
export function formatVolume(octets: number, locale: Locale): string {
  const units: [number, string, string][] = [
    [1024 ** 3, "GiB", "Gio"],
    [1024 ** 2, "MiB", "Mio"],
    [1024, "KiB", "Kio"],
  ];
  for (const [size, en, fr] of units) {
    if (octets >= size && octets % size === 0) return `${groupDigits(String(octets / size), locale)} ${locale === "fr" ? fr : en}`;
  }
  return `${groupDigits(String(octets), locale)} ${locale === "fr" ? "octets" : "bytes"}`;
}
