import { add, type Micros, sub, sum } from "../money.ts";
import { type Balance, type CreditNote, MANUAL_CREDIT_CODES } from "./credit-types.ts";
import type { Invoice } from "./types.ts";

/**
 * The invoice's totals less its credit notes. Because each credit note's VAT is the difference
 * between the VAT on the balance before and after it (`credit-note.ts`), the balance's VAT is
 * always exactly the VAT on the balance: no cent drifts however many notes there are.
 */
export function balanceOf(invoice: Invoice, credits: readonly CreditNote[]): Balance {
  const creditedExclTax = sum(credits.map((c) => c.totalExclTax));
  const creditedTax = sum(credits.map((c) => c.tax));
  const exclTax = sub(invoice.totalExclTax, creditedExclTax);
  const tax = sub(invoice.tax, creditedTax);
  return { exclTax, tax, inclTax: add(exclTax, tax), creditedExclTax };
}

/**
 * Invoice lines (1-based) already credited whole by a reviewer's credit note of lines. Re-rating
 * and waiver notes point at lines too, but credit only a part of them.
 */
export function creditedLines(credits: readonly CreditNote[]): Set<number> {
  const out = new Set<number>();
  for (const c of credits) {
    if (!MANUAL_CREDIT_CODES.includes(c.reasonCode)) continue;
    for (const l of c.lines) if (l.invoiceLine !== undefined) out.add(l.invoiceLine);
  }
  return out;
}

export function isWholeCents(value: Micros): boolean {
  return value % 10_000 === 0;
}
