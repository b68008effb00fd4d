/** One measurement, as one JSON line: the workload against a baseline run in the same process. */
export interface Measurement {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline: number;
  /** value ÷ baseline. */
  readonly ratio: number;
  readonly target?: string;
  readonly notes?: string;
}

export function report(m: Omit<Measurement, "ratio">): Measurement {
  const full = { ...m, value: round(m.value), baseline: round(m.baseline), ratio: round(m.value / m.baseline, 3) };
  process.stdout.write(`${JSON.stringify(full)}\n`);
  return full;
}

function round(v: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
