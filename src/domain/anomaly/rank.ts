/**
 * One finding per line, and the list in the order a person should work it: highest score first
 * (see `combinedScore` for how a line's reasons add up). Ties are broken by line id so that two runs over the same data print the same list.
 */
import { type LineFinding, REASON_CODES, type Reason } from "./reasons.ts";
import { combinedScore } from "./severity.ts";

const codeOrder = (r: Reason): number => REASON_CODES.indexOf(r.code);

/** Undefined when no reason stands: a line is reported only with something to act on. */
export function combine(lineId: string, accountId: string, reasons: readonly Reason[]): LineFinding | undefined {
  if (reasons.length === 0) return undefined;
  const sorted = [...reasons].sort((a, b) => b.score - a.score || codeOrder(a) - codeOrder(b));
  const score = combinedScore(sorted.map((r) => r.score));
  return { lineId, accountId, score, reasons: sorted };
}

export function rank(findings: readonly LineFinding[]): LineFinding[] {
  return [...findings].sort((a, b) => b.score - a.score || (a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0));
}
