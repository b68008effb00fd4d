import { type Balance, creditNoteDocument, type InvoiceDocument, money } from "../../domain/index.ts";
import type { InvoiceEvent, StoredContact, StoredPaymentPlan } from "../../store/index.ts";
import type { ReviewCase } from "./case.ts";

/** The JSON of the review desk (CLI --json and HTTP): snake_case, money as decimal strings. */
export function balanceView(b: Balance) {
  return {
    excl_tax: money.toCents(b.exclTax),
    tax: money.toCents(b.tax),
    incl_tax: money.toCents(b.inclTax),
    credited_excl_tax: money.toCents(b.creditedExclTax),
  };
}

export function planView(p: StoredPaymentPlan) {
  return {
    plan_id: p.planId,
    created_at: p.createdAt,
    actor: p.actor,
    status: p.status,
    total: money.toCents(p.total),
    instalments: p.instalments.map((i) => ({ seq: i.seq, due_date: i.dueDate, amount: money.toCents(i.amount) })),
  };
}

export function eventView(e: InvoiceEvent) {
  return { at: e.at, actor: e.actor, from: e.from ?? null, to: e.to, reason: e.reason };
}

export function contactView(c: StoredContact) {
  return { at: c.at, actor: c.actor, outcome: c.outcome, note: c.note };
}

export interface CaseView {
  invoice: InvoiceDocument;
  balance: ReturnType<typeof balanceView>;
  credit_notes: ReturnType<typeof creditNoteDocument>[];
  payment_plan: ReturnType<typeof planView> | null;
  contacts: ReturnType<typeof contactView>[];
  events: ReturnType<typeof eventView>[];
}

export function caseView(c: ReviewCase, events: readonly InvoiceEvent[], contacts: readonly StoredContact[]): CaseView {
  const active = c.plans.find((p) => p.status === "active");
  return {
    invoice: c.document,
    balance: balanceView(c.balance),
    credit_notes: c.credits.map(creditNoteDocument),
    payment_plan: active ? planView(active) : null,
    contacts: contacts.map(contactView),
    events: events.map(eventView),
  };
}
