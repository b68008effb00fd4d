/** Invoices for the review desk's tests: small, exact, built by hand rather than through a store. */
import { type CreditNote, type CreditNoteDraft, type Invoice, type InvoiceLine, money, type Period } from "../../src/domain/index.ts";

const { micros, percentOf, sum } = money;

export const EUR = 1_000_000;
export const OCT = "2009-10" as Period;

export function line(partial: Partial<InvoiceLine> & Pick<InvoiceLine, "kind" | "amount">): InvoiceLine {
  return {
    lineId: "PHY-0001",
    description: partial.kind,
    zone: undefined,
    country: undefined,
    quantity: 1,
    unit: partial.kind === "subscription" ? "month" : "KiB",
    originalPeriod: undefined,
    ...partial,
  };
}

/** An invoice of these lines at 19.6 % VAT, held. */
export function invoice(lines: readonly InvoiceLine[], vatPpm = 196_000): Invoice {
  const total = sum(lines.map((l) => l.amount));
  const tax = percentOf(total, vatPpm);
  return {
    invoiceId: "INV-1",
    accountId: "A1",
    period: OCT,
    currency: "EUR",
    status: "held",
    totalExclTax: total,
    vatPpm,
    tax,
    totalInclTax: micros(total + tax),
    holdReasons: [],
    lines,
    notBilled: [],
  };
}

/** The physician's invoice: 50.00 subscription + 159,162.00 of domestic data. */
export const PHYSICIAN_INVOICE = invoice([
  line({ kind: "subscription", amount: micros(50 * EUR), planId: "pro-everywhere-50" }),
  line({ kind: "domestic_data", amount: micros(159_162 * EUR), zone: "home", country: "FR", quantity: 795_810_000 }),
]);

export function note(draft: CreditNoteDraft, n = 1): CreditNote {
  return { ...draft, creditNoteId: `INV-1-CN${n}`, invoiceId: "INV-1", at: "2009-11-03T10:00:00.000Z", actor: "ana" };
}
