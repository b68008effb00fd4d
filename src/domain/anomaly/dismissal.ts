/**
 * Dismissals: a person looked at a pattern on a line and judged it normal (a border resident who
 * is fine with it, a known always-on router). The same code on the same line is then not
 * reported again; it is returned as suppressed so the audit still shows it.
 */
import type { Dismissal, Reason, ReasonCode, Suppression } from "./reasons.ts";

export function dismissalFor(lineId: string, code: ReasonCode, dismissals: readonly Dismissal[]): Dismissal | undefined {
  return dismissals.find((d) => d.lineId === lineId && d.code === code);
}

export function applyDismissals(lineId: string, reasons: readonly Reason[], dismissals: readonly Dismissal[]): { kept: Reason[]; suppressed: Suppression[] } {
  const kept: Reason[] = [];
  const suppressed: Suppression[] = [];
  for (const r of reasons) {
    const d = dismissalFor(lineId, r.code, dismissals);
    if (d === undefined) kept.push(r);
    else suppressed.push({ lineId, code: r.code, since: r.since, dismissalReason: d.reason });
  }
  return { kept, suppressed };
}
