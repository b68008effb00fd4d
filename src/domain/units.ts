/** Distinct unit types so that a volume can never be added to a duration or to money. */
export type Octets = number & { readonly __brand: "Octets" };
export type Seconds = number & { readonly __brand: "Seconds" };
export type Messages = number & { readonly __brand: "Messages" };

export const KIB = 1024;
export const MIB = 1024 * KIB;
export const GIB = 1024 * MIB;

export function octets(n: number): Octets {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`bad octet count: ${n}`);
  return n as Octets;
}

export function seconds(n: number): Seconds {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`bad duration: ${n}`);
  return n as Seconds;
}

/** Whole increments needed to cover `quantity` ("per started KiB", "per started minute"). */
export function startedIncrements(quantity: number, increment: number): number {
  if (quantity <= 0) return 0;
  return Math.ceil(quantity / increment);
}

const SIZE = /^(\d+)\s*(B|KiB|MiB|GiB|TiB)?$/;
const FACTORS: Record<string, number> = { B: 1, KiB: KIB, MiB: MIB, GiB: GIB, TiB: GIB * 1024 };

/** Parses "1GiB", "512 MiB" or "1048576" (octets). */
export function parseSize(text: string): Octets | undefined {
  const m = SIZE.exec(text.trim());
  if (!m) return undefined;
  const value = Number(m[1]) * (FACTORS[m[2] ?? "B"] ?? 1);
  return Number.isSafeInteger(value) ? (value as Octets) : undefined;
}
