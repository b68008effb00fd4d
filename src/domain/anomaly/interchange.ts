/**
 * The anomaly findings JSON of spec/interchange.md: `[{ line_id, account_id, score, reasons:
 * [{ code, message, evidence }] }]`. Each reason's own score and start day travel in `evidence`,
 * an open object in the contract, so the documented keys stay exactly as specified.
 */
import type { LineFinding, Reason } from "./reasons.ts";

export interface InterchangeReason {
  readonly code: Reason["code"];
  readonly message: string;
  readonly evidence: Reason["evidence"];
}

export interface InterchangeFinding {
  readonly line_id: string;
  readonly account_id: string;
  readonly score: number;
  readonly reasons: readonly InterchangeReason[];
}

export function toInterchange(findings: readonly LineFinding[]): InterchangeFinding[] {
  return findings.map((f) => ({
    line_id: f.lineId,
    account_id: f.accountId,
    score: f.score,
    reasons: f.reasons.map((r) => ({ code: r.code, message: r.message, evidence: r.evidence })),
  }));
}
