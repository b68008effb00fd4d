/**
 * Money as integer micro-units of the currency (1 EUR = 1_000_000 micros).
 * Every amount in the core is a `Micros`; decimal strings exist only at the edges.
 * Micros stay safe integers up to ~9 billion EUR, far beyond any invoice line.
 */
export type Micros = number & { readonly __brand: "Micros" };

export const MICROS_PER_UNIT = 1_000_000;
const MICROS_PER_CENT = 10_000;

export const ZERO = 0 as Micros;

function checked(value: number): Micros {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`money overflow or non-integer: ${value}`);
  }
  return value as Micros;
}

export function micros(value: number): Micros {
  return checked(value);
}

export function add(a: Micros, b: Micros): Micros {
  return checked(a + b);
}

export function sub(a: Micros, b: Micros): Micros {
  return checked(a - b);
}

export function min(a: Micros, b: Micros): Micros {
  return (a < b ? a : b) as Micros;
}

export function max(a: Micros, b: Micros): Micros {
  return (a > b ? a : b) as Micros;
}

export function sum(values: Iterable<Micros>): Micros {
  let total = 0;
  for (const v of values) total += v;
  return checked(total);
}

/** The price of `units` whole rating increments at `unitPrice` each. */
export function priceOf(units: number, unitPrice: Micros): Micros {
  if (!Number.isSafeInteger(units) || units < 0) throw new RangeError(`bad unit count: ${units}`);
  return checked(units * unitPrice);
}

/** How many whole units of `unitPrice` fit in `budget` (0 when the price is free: callers decide). */
export function unitsWithin(budget: Micros, unitPrice: Micros): number {
  if (unitPrice <= 0) throw new RangeError("unitsWithin needs a positive unit price");
  return budget <= 0 ? 0 : Math.floor(budget / unitPrice);
}

/** Rounds half-up (away from zero for the half) to whole cents: done once per invoice line. */
export function roundToCents(value: Micros): Micros {
  const sign = value < 0 ? -1 : 1;
  const abs = Math.abs(value);
  const cents = Math.floor((abs + MICROS_PER_CENT / 2) / MICROS_PER_CENT);
  return checked(sign * cents * MICROS_PER_CENT);
}

/** `value × ppm / 1_000_000`, rounded half-up to cents; used for VAT. */
export function percentOf(value: Micros, ppm: number): Micros {
  // BigInt keeps the product exact: amount × rate can exceed 2^53 for large invoices.
  const product = BigInt(value) * BigInt(ppm);
  const perCent = BigInt(MICROS_PER_UNIT) * BigInt(MICROS_PER_CENT);
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const cents = (abs + perCent / 2n) / perCent;
  const result = Number(cents) * MICROS_PER_CENT;
  return checked(negative ? -result : result);
}

const DECIMAL = /^(-)?(\d{1,12})(?:\.(\d{1,6}))?$/;

/** Parses "45923.61" (up to 6 decimals) into micros; undefined when malformed. */
export function parseDecimal(text: string): Micros | undefined {
  const m = DECIMAL.exec(text.trim());
  if (!m) return undefined;
  const whole = Number(m[2]);
  const frac = Number((m[3] ?? "").padEnd(6, "0"));
  const value = whole * MICROS_PER_UNIT + frac;
  return checked(m[1] ? -value : value);
}

/** Formats micros as a decimal string with exactly two decimals; the value must be whole cents. */
export function toCents(value: Micros): string {
  if (value % MICROS_PER_CENT !== 0) {
    throw new RangeError(`toCents needs a value rounded to cents, got ${value} micros`);
  }
  return toDecimal(value, 2);
}

/** Formats micros with `decimals` digits (2..6), truncating nothing: throws if digits would be lost. */
export function toDecimal(value: Micros, decimals = 6): string {
  const negative = value < 0;
  const abs = Math.abs(value);
  const whole = Math.floor(abs / MICROS_PER_UNIT);
  const fracAll = String(abs % MICROS_PER_UNIT).padStart(6, "0");
  const kept = fracAll.slice(0, decimals);
  if (fracAll.slice(decimals).replace(/0+$/, "") !== "") {
    throw new RangeError(`${value} micros does not fit ${decimals} decimals`);
  }
  return `${negative ? "-" : ""}${whole}${decimals > 0 ? `.${kept}` : ""}`;
}

/** Splits `total` into `parts` amounts of whole cents that sum exactly to it (remainder on the first parts). */
export function allocate(total: Micros, parts: number): Micros[] {
  if (!Number.isSafeInteger(parts) || parts <= 0) throw new RangeError(`bad part count: ${parts}`);
  if (total % MICROS_PER_CENT !== 0) throw new RangeError("allocate needs a total in whole cents");
  const cents = total / MICROS_PER_CENT;
  const base = Math.trunc(cents / parts);
  let remainder = cents - base * parts;
  const step = remainder < 0 ? -1 : 1;
  const out: Micros[] = [];
  for (let i = 0; i < parts; i++) {
    let c = base;
    if (remainder !== 0) {
      c += step;
      remainder -= step;
    }
    out.push(checked(c * MICROS_PER_CENT));
  }
  return out;
}

/** A price for people: at least two decimals, more only when the amount has them ("0.0002"). */
export function toPrice(value: Micros): string {
  const full = toDecimal(value, 6);
  return full.replace(/(\.\d\d\d*?)0+$/, "$1");
}
