import { type Micros, parseDecimal, toCents } from "../money.ts";
import type { CreditNote, CreditReasonCode } from "./credit-types.ts";

/** A credit note as JSON: money as decimal strings in cents, like the invoice document. */
export interface CreditNoteDocument {
  credit_note_id: string;
  invoice_id: string;
  at: string;
  actor: string;
  reason_code: string;
  reason: string;
  total_excl_tax: string;
  tax: string;
  total_incl_tax: string;
  lines: { invoice_line: number | null; line_id: string | null; description: string; amount_excl_tax: string }[];
}

export function creditNoteDocument(c: CreditNote): CreditNoteDocument {
  return {
    credit_note_id: c.creditNoteId,
    invoice_id: c.invoiceId,
    at: c.at,
    actor: c.actor,
    reason_code: c.reasonCode,
    reason: c.reason,
    total_excl_tax: toCents(c.totalExclTax),
    tax: toCents(c.tax),
    total_incl_tax: toCents(c.totalInclTax),
    lines: c.lines.map((l) => ({
      invoice_line: l.invoiceLine ?? null,
      line_id: l.lineId ?? null,
      description: l.description,
      amount_excl_tax: toCents(l.amount),
    })),
  };
}

export function creditNoteFromDocument(d: CreditNoteDocument): CreditNote {
  return {
    creditNoteId: d.credit_note_id,
    invoiceId: d.invoice_id,
    at: d.at,
    actor: d.actor,
    reasonCode: d.reason_code as CreditReasonCode,
    reason: d.reason,
    totalExclTax: cents(d.total_excl_tax),
    tax: cents(d.tax),
    totalInclTax: cents(d.total_incl_tax),
    lines: d.lines.map((l) => ({
      invoiceLine: l.invoice_line ?? undefined,
      lineId: l.line_id ?? undefined,
      description: l.description,
      amount: cents(l.amount_excl_tax),
    })),
  };
}

function cents(text: string): Micros {
  const v = parseDecimal(text);
  if (v === undefined) throw new RangeError(`credit note document holds a malformed amount "${text}"`);
  return v;
}
