/**
 * Units of the anomaly core. The brands are structurally identical to the project's `Octets`
 * and `Micros`, so callers pass theirs without a cast while this folder imports nothing from
 * outside itself.
 */
export type Octets = number & { readonly __brand: "Octets" };
export type Micros = number & { readonly __brand: "Micros" };

export const KIB = 1024;
export const MIB = 1024 * KIB;
export const GIB = 1024 * MIB;

export const MICROS_PER_EUR = 1_000_000;
export const MICROS_PER_CENT = 10_000;

export const NO_OCTETS = 0 as Octets;
export const NO_MICROS = 0 as Micros;

/** Trusted cast: only for values already checked by `validate.ts` or built from them. */
export function asOctets(n: number): Octets {
  return n as Octets;
}

/** Trusted cast: only for values already checked by `validate.ts` or built from them. */
export function asMicros(n: number): Micros {
  return n as Micros;
}

export function addOctets(a: Octets, b: Octets): Octets {
  return (a + b) as Octets;
}

export function addMicros(a: Micros, b: Micros): Micros {
  return (a + b) as Micros;
}

export function sumMicros(values: readonly Micros[]): Micros {
  let total = 0;
  for (const v of values) total += v;
  return total as Micros;
}

/**
 * A statistic about spend (a median, a projection) is a real number; it becomes money only
 * here, rounded to the nearest micro, so that what a message shows is an exact amount.
 */
export function microsFromStatistic(value: number): Micros {
  return Math.round(value) as Micros;
}
