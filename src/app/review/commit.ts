import type { InvoiceDocument, InvoiceStatus } from "../../domain/index.ts";
import type { ReviewWrite } from "../../store/index.ts";
import { UserError } from "../errors.ts";
import type { ReviewCase } from "./case.ts";
import type { DeskDeps } from "./deps.ts";

export type CasePart = Omit<ReviewWrite, "invoiceId" | "expectedStatus" | "expectedCreditNotes">;

/**
 * Writes one action in one transaction, on the condition that the invoice is still as it was
 * read (status and number of credit notes): two reviewers on the same invoice never both win.
 */
export async function commit(deps: DeskDeps, c: ReviewCase, part: CasePart): Promise<void> {
  const ok = await deps.store.review.write({
    invoiceId: c.invoice.invoiceId,
    expectedStatus: c.stored.status,
    expectedCreditNotes: c.credits.length,
    ...part,
  });
  if (!ok) {
    throw new UserError("invoice_changed", `invoice ${c.invoice.invoiceId} changed while this action was prepared: nothing was written; look at it again`);
  }
}

/** The stored document with a new status: the only field of an invoice that ever changes. */
export function withStatus(document: string, status: InvoiceStatus): string {
  const doc = JSON.parse(document) as InvoiceDocument;
  doc.status = status;
  return JSON.stringify(doc);
}
