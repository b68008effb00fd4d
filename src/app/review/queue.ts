import {
  balanceOf,
  type ContactAttempt,
  type CreditNoteDocument,
  contactQueue,
  creditNoteFromDocument,
  type InvoiceDocument,
  invoiceFromDocument,
  money,
  type QueueCandidate,
} from "../../domain/index.ts";
import type { StoredInvoice } from "../../store/index.ts";
import type { DeskDeps } from "./deps.ts";
import { contactView } from "./views.ts";

interface Held {
  readonly stored: StoredInvoice;
  readonly document: InvoiceDocument;
  readonly heldAt: string;
  readonly balance: ReturnType<typeof balanceOf>;
}

/** Held invoices with when they were held and what is still owed on them. */
async function held(deps: DeskDeps): Promise<Held[]> {
  const invoices = await deps.store.review.invoicesWithStatus(["held"]);
  const events = await deps.store.review.events(invoices.map((i) => i.invoiceId));
  const heldAt = new Map<string, string>();
  for (const e of events) if (e.to === "held") heldAt.set(e.invoiceId, e.at);
  const out: Held[] = [];
  for (const stored of invoices) {
    const document = { ...(JSON.parse(stored.document) as InvoiceDocument), status: stored.status };
    const credits = (await deps.store.review.creditNotes(stored.invoiceId)).map((c) => creditNoteFromDocument(JSON.parse(c.document) as CreditNoteDocument));
    const balance = balanceOf(invoiceFromDocument(document), credits);
    out.push({ stored, document, heldAt: heldAt.get(stored.invoiceId) ?? "", balance });
  }
  return out;
}

/** `review list`: every held invoice, its hold reasons as in the invoice JSON, and its balance. */
export async function heldList(deps: DeskDeps) {
  return (await held(deps)).map((h) => ({
    invoice_id: h.document.invoice_id,
    account_id: h.document.account_id,
    period: h.document.period,
    status: h.document.status,
    total_excl_tax: h.document.total_excl_tax,
    balance_excl_tax: money.toCents(h.balance.exclTax),
    hold_reasons: h.document.hold_reasons,
    held_at: h.heldAt,
  }));
}

/** `review queue`: who must be called, why, by when, at which numbers — soonest first. */
export async function callQueue(deps: DeskDeps) {
  const list = await held(deps);
  const contacts = await deps.store.review.contacts(list.map((h) => h.stored.invoiceId));
  const attempts = new Map<string, ContactAttempt[]>();
  for (const c of contacts) {
    const list = attempts.get(c.invoiceId) ?? [];
    list.push(c);
    attempts.set(c.invoiceId, list);
  }
  const candidates: QueueCandidate[] = list.map((h) => ({
    invoiceId: h.stored.invoiceId,
    accountId: h.stored.accountId,
    heldAt: Date.parse(h.heldAt),
    holdWhy: h.document.hold_reasons.map((r) => r.code).join(", "),
    balance: h.balance.exclTax,
    attempts: attempts.get(h.stored.invoiceId) ?? [],
  }));
  const byId = new Map(list.map((h) => [h.stored.invoiceId, h]));
  const byAccount = new Map<string, { line_id: string; msisdn: string; email: string | null; locale: string }[]>();
  for (const l of deps.engine.lines.all()) {
    const r = l.record;
    const list = byAccount.get(r.accountId) ?? [];
    list.push({ line_id: r.lineId, msisdn: r.msisdn, email: r.email ?? null, locale: r.locale });
    byAccount.set(r.accountId, list);
  }
  return contactQueue(candidates, deps.clock.now()).map((q) => {
    const h = byId.get(q.invoiceId);
    const last = attempts.get(q.invoiceId)?.at(-1);
    return {
      invoice_id: q.invoiceId,
      account_id: q.accountId,
      why: q.why,
      due_by: new Date(q.dueBy).toISOString(),
      overdue: q.overdue,
      attempts: q.attempts,
      last_contact: last ? contactView({ ...last, invoiceId: q.invoiceId, accountId: q.accountId }) : null,
      balance_excl_tax: money.toCents(q.balance),
      hold_reasons: h?.document.hold_reasons ?? [],
      call: byAccount.get(q.accountId) ?? [],
    };
  });
}
