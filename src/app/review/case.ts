import {
  type Balance,
  balanceOf,
  type CreditNote,
  type CreditNoteDocument,
  creditNoteFromDocument,
  type Invoice,
  type InvoiceDocument,
  invoiceFromDocument,
} from "../../domain/index.ts";
import type { StoredInvoice, StoredPaymentPlan } from "../../store/index.ts";
import { UserError } from "../errors.ts";
import type { DeskDeps } from "./deps.ts";

/** An invoice with everything the desk decides on: its credit notes, plans and balance. */
export interface ReviewCase {
  readonly stored: StoredInvoice;
  readonly document: InvoiceDocument;
  readonly invoice: Invoice;
  readonly credits: readonly CreditNote[];
  readonly plans: readonly StoredPaymentPlan[];
  readonly balance: Balance;
}

export async function loadCase(deps: DeskDeps, invoiceId: string): Promise<ReviewCase> {
  const stored = await deps.store.review.getInvoice(invoiceId);
  if (!stored) throw new UserError("unknown_invoice", `no invoice ${invoiceId}`);
  const document = JSON.parse(stored.document) as InvoiceDocument;
  // The status column is the truth; documents of invoices closed before the review desk agree.
  const invoice = { ...invoiceFromDocument(document), status: stored.status };
  const credits = (await deps.store.review.creditNotes(invoiceId)).map((c) => creditNoteFromDocument(JSON.parse(c.document) as CreditNoteDocument));
  const plans = await deps.store.review.paymentPlans(invoiceId);
  return { stored, document: { ...document, status: stored.status }, invoice, credits, plans, balance: balanceOf(invoice, credits) };
}
