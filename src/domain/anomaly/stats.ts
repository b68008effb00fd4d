/**
 * Robust statistics. Usage is heavy-tailed (a download, a trip), so a mean and a standard
 * deviation would let one past outlier hide the next one; the median and the MAD do not.
 */

/** 1.4826 × MAD estimates the standard deviation of normal data, so thresholds read as "z". */
export const MAD_TO_SIGMA = 1.4826;

export interface RobustStat {
  readonly median: number;
  /** Scaled median absolute deviation (comparable to a standard deviation). */
  readonly spread: number;
  readonly n: number;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const hi = sorted[mid] as number;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] as number) + hi) / 2;
}

/** Scaled median absolute deviation around `center`. */
export function mad(values: readonly number[], center: number): number | undefined {
  const m = median(values.map((v) => Math.abs(v - center)));
  return m === undefined ? undefined : m * MAD_TO_SIGMA;
}

export function robustStat(values: readonly number[]): RobustStat | undefined {
  const m = median(values);
  if (m === undefined) return undefined;
  return { median: m, spread: mad(values, m) ?? 0, n: values.length };
}

/**
 * Nearest-rank percentile (p in 0..100): always one of the observed values, so a percentile of
 * whole micro-euros is itself an exact amount.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

/** Sums of every run of `width` consecutive values. */
export function rollingSums(values: readonly number[], width: number): number[] {
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i] as number;
    if (i >= width) sum -= values[i - width] as number;
    if (i >= width - 1) out.push(sum);
  }
  return out;
}
