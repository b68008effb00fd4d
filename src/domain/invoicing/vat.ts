import type { VatRate } from "../catalog/types.ts";
import type { Period } from "../period.ts";

/** The VAT rate in force for a period (19.6 % in France in 2009, 20 % from January 2014). */
export function vatFor(rates: readonly VatRate[], period: Period): number {
  let ppm: number | undefined;
  for (const r of rates) if (r.from <= period) ppm = r.ratePpm;
  if (ppm === undefined) throw new RangeError(`no VAT rate in force for ${period}`);
  return ppm;
}
