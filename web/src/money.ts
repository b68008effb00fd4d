import type { Locale } from "./locale.ts";

/**
 * Money in the web app: the API's decimal strings, summed as integer micro-units in bigint and
 * formatted with string operations. No amount is ever a float here either; only a chart's
 * pixel positions are computed from ratios.
 */
const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,6}))?$/;

export function toMicros(text: string): bigint {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new Error(`not an amount: ${text}`);
  const value = BigInt(m[2] ?? "0") * 1_000_000n + BigInt((m[3] ?? "").padEnd(6, "0"));
  return m[1] ? -value : value;
}

/** Micros to a decimal string with two decimals, rounded half-up (presentation of sums only). */
export function microsToText(micros: bigint): string {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const cents = (abs + 5_000n) / 10_000n;
  const whole = cents / 100n;
  const frac = String(cents % 100n).padStart(2, "0");
  return `${negative ? "-" : ""}${whole}.${frac}`;
}

/** "45923.61" → "45 923,61 €" (fr) or "€45,923.61" (en); more decimals are kept ("0.0002"). */
export function formatMoney(text: string, locale: Locale, currency: string): string {
  const m = DECIMAL.exec(text.trim());
  if (!m) return text;
  const group = locale === "fr" ? "\u202f" : ",";
  const point = locale === "fr" ? "," : ".";
  const whole = (m[2] ?? "0").replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const frac = (m[3] ?? "").padEnd(2, "0");
  const number = `${m[1] ?? ""}${whole}${point}${frac}`;
  const symbol = currency === "EUR" ? "€" : currency;
  return locale === "fr" ? `${number}\u00a0${symbol}` : currency === "EUR" ? `${m[1] ?? ""}€${whole}${point}${frac}` : `${number} ${symbol}`;
}

export function sumMicros(texts: readonly string[]): bigint {
  let total = 0n;
  for (const t of texts) total += toMicros(t);
  return total;
}
