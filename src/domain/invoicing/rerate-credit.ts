import type { Plan } from "../catalog/types.ts";
import { type Micros, sub, toCents, ZERO } from "../money.ts";
import { balanceOf } from "./balance.ts";
import type { CreditNote, CreditNoteLine } from "./credit-types.ts";
import { type Outcome, refuse, success } from "./review-errors.ts";
import type { Invoice, InvoiceLine } from "./types.ts";

/**
 * The monthly fee of a line under a plan: the plan's own, or, for a plan that inherits it
 * (`pro-unlimited`: "the same price"), the fee the line carries, else the fee it was billed.
 */
export function feeUnder(plan: Plan, carried: Micros | undefined, billed: Micros): Micros {
  if (plan.monthlyFee.kind === "fixed") return plan.monthlyFee.amount;
  return carried ?? billed;
}

function keyOf(l: InvoiceLine): string {
  return l.kind === "subscription" ? `${l.lineId}|subscription` : `${l.lineId}|${l.kind}|${l.zone ?? ""}|${l.country ?? ""}|${l.originalPeriod ?? ""}`;
}

/**
 * The credit that takes an invoice down to what it would have been under another plan
 * (`fresh`, built by `buildInvoice` over the re-rated usage). Itemised per invoice line when
 * the invoice has no credit note yet; otherwise one line taking the balance down to the fresh
 * total, since earlier notes may have credited any part of any line.
 */
export function rerateCredit(old: Invoice, fresh: Invoice, prior: readonly CreditNote[], planId: string): Outcome<CreditNoteLine[]> {
  const balance = balanceOf(old, prior).exclTax;
  if (fresh.totalExclTax >= balance) {
    return refuse(
      "nothing_to_credit",
      `under plan ${planId} invoice ${old.invoiceId} would total ${toCents(fresh.totalExclTax)} ${old.currency}, not less than its balance of ${toCents(balance)} ${old.currency}`,
    );
  }
  if (prior.length > 0) {
    return success([{ invoiceLine: undefined, lineId: undefined, description: `Re-rated under ${planId}`, amount: sub(balance, fresh.totalExclTax) }]);
  }
  const freshByKey = new Map<string, InvoiceLine>();
  for (const l of fresh.lines) freshByKey.set(keyOf(l), l);
  const items: CreditNoteLine[] = [];
  old.lines.forEach((l, i) => {
    const key = keyOf(l);
    const now = freshByKey.get(key)?.amount ?? ZERO;
    freshByKey.delete(key);
    const diff = sub(l.amount, now);
    if (diff !== 0) items.push({ invoiceLine: i + 1, lineId: l.lineId, description: `Re-rated under ${planId}: ${l.description}`, amount: diff });
  });
  // Whatever the new plan bills that the old did not is a negative item of the same note.
  for (const l of freshByKey.values()) {
    if (l.amount !== 0)
      items.push({ invoiceLine: undefined, lineId: l.lineId, description: `Re-rated under ${planId}: ${l.description}`, amount: sub(ZERO, l.amount) });
  }
  return success(items);
}
