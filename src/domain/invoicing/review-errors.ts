/**
 * Stable codes of the review desk's refusals. Each is an expected outcome (a person asked for
 * something the invoice's state or the money does not allow), never an exception; adapters map
 * them to an exit code or an HTTP status.
 */
export const REVIEW_ERROR_CODES = [
  "invalid_state",
  "invalid_amount",
  "credit_exceeds_balance",
  "unknown_invoice_line",
  "line_already_credited",
  "nothing_to_credit",
  "nothing_to_waive",
  "invalid_reason_code",
  "missing_reason",
  "invalid_instalments",
  "invalid_due_date",
  "payment_plan_mismatch",
  "nothing_due",
  "invalid_outcome",
  "unknown_plan",
  "same_plan",
  "rating_failed",
] as const;
export type ReviewErrorCode = (typeof REVIEW_ERROR_CODES)[number];

export interface ReviewError {
  readonly ok: false;
  readonly code: ReviewErrorCode;
  readonly message: string;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | ReviewError;

export function refuse(code: ReviewErrorCode, message: string): ReviewError {
  return { ok: false, code, message };
}

export function success<T>(value: T): Outcome<T> {
  return { ok: true, value };
}
