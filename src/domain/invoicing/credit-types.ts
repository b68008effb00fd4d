import type { Micros } from "../money.ts";

/** Why a credit note was written. The last two are written by the desk itself, never typed in. */
export const CREDIT_REASON_CODES = ["goodwill", "billing_error", "dispute", "other", "rerate", "over_cap_waiver"] as const;
export type CreditReasonCode = (typeof CREDIT_REASON_CODES)[number];
/** The codes a reviewer may give to a credit note of an amount or of lines. */
export const MANUAL_CREDIT_CODES: readonly CreditReasonCode[] = ["goodwill", "billing_error", "dispute", "other"];

export interface CreditNoteLine {
  /** 1-based position of the invoice line it corrects; undefined for a credit on the whole invoice. */
  readonly invoiceLine: number | undefined;
  readonly lineId: string | undefined;
  readonly description: string;
  /** Positive: what the customer no longer owes. A re-rating may carry a negative line too. */
  readonly amount: Micros;
}

/** A credit note as computed, before the desk gives it an id, a time and an author. */
export interface CreditNoteDraft {
  readonly reasonCode: CreditReasonCode;
  readonly reason: string;
  readonly lines: readonly CreditNoteLine[];
  readonly totalExclTax: Micros;
  readonly tax: Micros;
  readonly totalInclTax: Micros;
}

export interface CreditNote extends CreditNoteDraft {
  readonly creditNoteId: string;
  readonly invoiceId: string;
  readonly at: string;
  readonly actor: string;
}

/** What is still owed on an invoice once its credit notes are deducted. */
export interface Balance {
  readonly exclTax: Micros;
  readonly tax: Micros;
  readonly inclTax: Micros;
  readonly creditedExclTax: Micros;
}
