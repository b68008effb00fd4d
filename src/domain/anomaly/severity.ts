/**
 * Scores. A reason scores how far past its own threshold the pattern went, on a log scale (2 at
 * the threshold, 6 at eight times it), plus twice the order of magnitude of the money billed since
 * it began (2 at 10 EUR, 10.4 at 159,162 EUR). Money weighs double because the list is worked from
 * the top: the person should meet the 159,000 EUR line before a 6,000 EUR one, however blatant.
 */
import { MICROS_PER_EUR, type Micros } from "./units.ts";

const MAX_STRENGTH = 6;
const MAX_MONEY = 12;
const MAX_CORROBORATION = 2;

export const round1 = (x: number): number => Math.round(x * 10) / 10;

/** 2 × log10 of the whole euros at stake: 0 below 1 EUR, at most 12 (a million euros). */
export function moneyWeight(spend: Micros): number {
  const whole = (spend - (spend % MICROS_PER_EUR)) / MICROS_PER_EUR;
  return whole < 1 ? 0 : Math.min(MAX_MONEY, 2 * Math.log10(whole));
}

/** `excess` is the observed measure divided by the threshold it crossed (≥ 1). Between 2 and 18. */
export function reasonScore(excess: number, spend: Micros): number {
  const strength = Math.min(MAX_STRENGTH, 2 + 2 * Math.log2(Math.max(1, excess)));
  return round1(strength + moneyWeight(spend));
}

/**
 * A line's score: its strongest reason, plus one point for each other reason, up to two. Reasons
 * on one line are rarely independent (a roaming spike billed at roaming prices is also a spend
 * surge), so adding them up would rank lines by how many detectors overlap rather than by what is
 * at stake; a point each still lets corroboration break ties.
 */
export function combinedScore(scores: readonly number[]): number {
  if (scores.length === 0) return 0;
  return round1(Math.max(...scores) + Math.min(MAX_CORROBORATION, scores.length - 1));
}
