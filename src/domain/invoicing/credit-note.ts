import { type Micros, percentOf, sub, sum, toCents } from "../money.ts";
import { balanceOf, creditedLines, isWholeCents } from "./balance.ts";
import { CREDIT_REASON_CODES, type CreditNote, type CreditNoteDraft, type CreditNoteLine, type CreditReasonCode, MANUAL_CREDIT_CODES } from "./credit-types.ts";
import { type Outcome, refuse, success } from "./review-errors.ts";
import type { Invoice } from "./types.ts";

/** What a credit note takes off: an amount, whole invoice lines, or items computed by the desk. */
export type CreditRequest =
  | { readonly kind: "amount"; readonly amount: Micros }
  | { readonly kind: "lines"; readonly lines: readonly number[] }
  | { readonly kind: "items"; readonly items: readonly CreditNoteLine[] };

/** A reviewer's reason code, checked once at the boundary. */
export function parseCreditCode(text: string, manualOnly = true): Outcome<CreditReasonCode> {
  const allowed: readonly string[] = manualOnly ? MANUAL_CREDIT_CODES : CREDIT_REASON_CODES;
  if (allowed.includes(text)) return success(text as CreditReasonCode);
  return refuse("invalid_reason_code", `"${text}" is not a credit reason code: use ${allowed.join(", ")}`);
}

/**
 * Drafts a credit note against an invoice and the credit notes it already has. The note may
 * take off at most the balance; its VAT is the VAT on the balance before it less the VAT on the
 * balance after it, so that the invoice, its notes and the balance always agree to the cent.
 */
export function draftCreditNote(
  invoice: Invoice,
  prior: readonly CreditNote[],
  request: CreditRequest,
  reasonCode: CreditReasonCode,
  reason: string,
): Outcome<CreditNoteDraft> {
  if (reason.trim() === "") return refuse("missing_reason", "a credit note needs a reason: say why the customer is credited");
  const lines = linesOf(invoice, prior, request);
  if (!lines.ok) return lines;
  const total = sum(lines.value.map((l) => l.amount));
  if (total <= 0) return refuse("nothing_to_credit", `the credit note would take off ${toCents(total)} ${invoice.currency}: nothing to credit`);
  const before = balanceOf(invoice, prior);
  if (total > before.exclTax) {
    return refuse(
      "credit_exceeds_balance",
      `a credit of ${toCents(total)} ${invoice.currency} is more than the balance of invoice ${invoice.invoiceId} (${toCents(before.exclTax)} ${invoice.currency} excl. VAT)`,
    );
  }
  const tax = sub(before.tax, percentOf(sub(before.exclTax, total), invoice.vatPpm));
  return success({ reasonCode, reason: reason.trim(), lines: lines.value, totalExclTax: total, tax, totalInclTax: sum([total, tax]) });
}

function linesOf(invoice: Invoice, prior: readonly CreditNote[], request: CreditRequest): Outcome<readonly CreditNoteLine[]> {
  switch (request.kind) {
    case "amount":
      if (request.amount <= 0 || !isWholeCents(request.amount)) {
        return refuse("invalid_amount", "a credit amount must be positive, in whole cents (e.g. 12.34)");
      }
      return success([{ invoiceLine: undefined, lineId: undefined, description: "Credit on the invoice", amount: request.amount }]);
    case "lines": {
      if (request.lines.length === 0) return refuse("unknown_invoice_line", "name at least one invoice line to credit");
      const done = creditedLines(prior);
      const out: CreditNoteLine[] = [];
      for (const n of new Set(request.lines)) {
        const line = Number.isInteger(n) ? invoice.lines[n - 1] : undefined;
        if (!line) return refuse("unknown_invoice_line", `invoice ${invoice.invoiceId} has no line ${n} (lines are numbered 1 to ${invoice.lines.length})`);
        if (done.has(n)) return refuse("line_already_credited", `line ${n} of invoice ${invoice.invoiceId} was already credited`);
        if (line.amount <= 0) return refuse("nothing_to_credit", `line ${n} of invoice ${invoice.invoiceId} bills nothing`);
        out.push({ invoiceLine: n, lineId: line.lineId, description: `Credit of: ${line.description}`, amount: line.amount });
      }
      return success(out);
    }
    case "items":
      return success(request.items);
  }
}
