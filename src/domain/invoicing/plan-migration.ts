import { add, type Micros, roundToCents, sub, sum, ZERO } from "../money.ts";
import type { Period } from "../period.ts";
import { type JournaledUsage, type RatingTerms, recordedUsage, rerateUsage } from "./rerate.ts";
import { type Outcome, success } from "./review-errors.ts";
import type { UsageAggregate } from "./types.ts";

/** One line of the segment to move, with its fee before and after and its terms after. */
export interface SegmentLine {
  readonly lineId: string;
  readonly accountId: string;
  readonly planId: string;
  readonly oldFee: Micros;
  readonly newFee: Micros;
  /** The simulated periods in which the line is billed a fee (it was active then). */
  readonly periods: readonly Period[];
  readonly target: RatingTerms;
}

export interface LineComparison {
  readonly lineId: string;
  readonly accountId: string;
  readonly planId: string;
  readonly oldTotal: Micros;
  readonly newTotal: Micros;
  /** new − old: positive when the line would pay more. */
  readonly delta: Micros;
}

export interface ComparisonTotals {
  readonly lines: number;
  readonly oldTotal: Micros;
  readonly newTotal: Micros;
  readonly delta: Micros;
  readonly payingMore: number;
  readonly payingLess: number;
  readonly unchanged: number;
}

export interface Simulation {
  readonly lines: readonly LineComparison[];
  readonly totals: ComparisonTotals;
}

/**
 * What the segment was billed for `periods` and what it would have been billed under the target
 * terms, line by line, excl. VAT. "Before" is the journal's own rating (what was invoiced);
 * "after" re-rates the same records, in journal order, with the pure core. Amounts are rounded
 * as an invoice rounds them: once per line × service × zone × country × period. Pure: the
 * simulation reads only its arguments.
 */
export function simulateMigration(segment: readonly SegmentLine[], usage: readonly JournaledUsage[], periods: readonly Period[]): Outcome<Simulation> {
  const byLine = new Map(segment.map((s) => [s.lineId, s]));
  const wanted = new Set(periods);
  const keep = (u: JournaledUsage) => byLine.has(u.lineId) && wanted.has(u.usagePeriod);
  const fresh = rerateUsage(usage, (id) => byLine.get(id)?.target, keep);
  if (!fresh.ok) return fresh;
  const before = usageTotals(recordedUsage(usage, keep));
  const after = usageTotals(fresh.value);
  const lines = segment.map((s): LineComparison => {
    const fees = (fee: Micros) => sum(s.periods.filter((p) => wanted.has(p)).map(() => roundToCents(fee)));
    const oldTotal = add(fees(s.oldFee), before.get(s.lineId) ?? ZERO);
    const newTotal = add(fees(s.newFee), after.get(s.lineId) ?? ZERO);
    return { lineId: s.lineId, accountId: s.accountId, planId: s.planId, oldTotal, newTotal, delta: sub(newTotal, oldTotal) };
  });
  return success({ lines, totals: totalsOf(lines) });
}

function usageTotals(aggregates: readonly UsageAggregate[]): Map<string, Micros> {
  const out = new Map<string, Micros>();
  for (const a of aggregates) out.set(a.lineId, add(out.get(a.lineId) ?? ZERO, roundToCents(a.amount)));
  return out;
}

export function totalsOf(lines: readonly LineComparison[]): ComparisonTotals {
  return {
    lines: lines.length,
    oldTotal: sum(lines.map((l) => l.oldTotal)),
    newTotal: sum(lines.map((l) => l.newTotal)),
    delta: sum(lines.map((l) => l.delta)),
    payingMore: lines.filter((l) => l.delta > 0).length,
    payingLess: lines.filter((l) => l.delta < 0).length,
    unchanged: lines.filter((l) => l.delta === 0).length,
  };
}
