import {
  type CreditNote,
  type CreditRequest,
  checkAction,
  checkReason,
  creditNoteDocument,
  draftCreditNote,
  type InvoiceStatus,
  type Micros,
  money,
  parseCreditCode,
  parseOutcome,
  planInstalments,
  releasePath,
} from "../../domain/index.ts";
import type { InvoiceEvent, StoredCreditNote } from "../../store/index.ts";
import { UserError } from "../errors.ts";
import { loadCase, type ReviewCase } from "./case.ts";
import { commit, withStatus } from "./commit.ts";
import { type DeskDeps, must, nowIso, refused } from "./deps.ts";
import { type CaseView, caseView } from "./views.ts";

export async function showCase(deps: DeskDeps, invoiceId: string): Promise<CaseView> {
  const c = await loadCase(deps, invoiceId);
  const [events, contacts] = await Promise.all([deps.store.review.events([invoiceId]), deps.store.review.contacts([invoiceId])]);
  return caseView(c, events, contacts);
}

/** held → approved → issued (or approved → issued): a person's decision, with who, when and why. */
export async function release(deps: DeskDeps, invoiceId: string, reason: string | undefined, actor: string): Promise<CaseView> {
  const c = await loadCase(deps, invoiceId);
  refused(checkAction("release", c.invoice.status, invoiceId) ?? checkReason(reason, "release"));
  const at = nowIso(deps);
  let from: InvoiceStatus = c.invoice.status;
  const events: InvoiceEvent[] = [];
  for (const to of releasePath(from)) {
    events.push({ invoiceId, at, actor, from, to, reason: reason ?? "" });
    from = to;
  }
  await commit(deps, c, { events, document: withStatus(c.stored.document, "issued") });
  return showCase(deps, invoiceId);
}

export async function voidInvoice(deps: DeskDeps, invoiceId: string, reason: string | undefined, actor: string): Promise<CaseView> {
  const c = await loadCase(deps, invoiceId);
  refused(checkAction("void", c.invoice.status, invoiceId) ?? checkReason(reason, "void"));
  const event: InvoiceEvent = { invoiceId, at: nowIso(deps), actor, from: c.invoice.status, to: "void", reason: reason ?? "" };
  await commit(deps, c, { events: [event], document: withStatus(c.stored.document, "void") });
  return showCase(deps, invoiceId);
}

export interface CreditInput {
  readonly amount?: string | undefined;
  readonly lines?: readonly number[] | undefined;
  readonly code?: string | undefined;
  readonly reason: string | undefined;
}

/** A reviewer's credit note: an amount, or whole invoice lines (numbered from 1 as listed). */
export async function credit(deps: DeskDeps, invoiceId: string, input: CreditInput, actor: string): Promise<CaseView> {
  const c = await loadCase(deps, invoiceId);
  refused(checkAction("credit", c.invoice.status, invoiceId));
  const code = must(parseCreditCode(input.code ?? "goodwill"));
  let request: CreditRequest;
  if (input.amount !== undefined && input.lines === undefined) {
    const amount = money.parseDecimal(input.amount);
    if (amount === undefined) throw new UserError("invalid_amount", `"${input.amount}" is not an amount: use a decimal such as 12.34`);
    request = { kind: "amount", amount };
  } else if (input.lines !== undefined && input.amount === undefined) {
    request = { kind: "lines", lines: input.lines };
  } else {
    throw new UserError("invalid_amount", "credit either an amount (--amount) or invoice lines (--lines), one of the two");
  }
  const draft = must(draftCreditNote(c.invoice, c.credits, request, code, input.reason ?? ""));
  await commit(deps, c, {
    creditNote: storedNote(c, { ...draft, creditNoteId: `${invoiceId}-CN${c.credits.length + 1}`, invoiceId, at: nowIso(deps), actor }),
  });
  return showCase(deps, invoiceId);
}

export function storedNote(c: ReviewCase, note: CreditNote): StoredCreditNote {
  return {
    creditNoteId: note.creditNoteId,
    invoiceId: c.invoice.invoiceId,
    at: note.at,
    actor: note.actor,
    reasonCode: note.reasonCode,
    totalExclTax: note.totalExclTax,
    tax: note.tax,
    document: JSON.stringify(creditNoteDocument(note)),
  };
}

export interface PlanInput {
  readonly instalments: number;
  readonly firstDue?: string | undefined;
  readonly amounts?: readonly string[] | undefined;
}

const DAY = 86_400_000;

/** N instalments summing exactly to the balance incl. VAT: what the customer actually pays. */
export async function paymentPlan(deps: DeskDeps, invoiceId: string, input: PlanInput, actor: string): Promise<CaseView> {
  const c = await loadCase(deps, invoiceId);
  refused(checkAction("payment_plan", c.invoice.status, invoiceId));
  const now = deps.clock.now();
  const firstDue = input.firstDue ?? deps.engine.calendar.localDate(now + 30 * DAY);
  let amounts: Micros[] | undefined;
  if (input.amounts) {
    amounts = input.amounts.map((text) => {
      const value = money.parseDecimal(text);
      if (value === undefined) throw new UserError("invalid_amount", `"${text}" is not an amount: use a decimal such as 12.34`);
      return value;
    });
  }
  const instalments = must(planInstalments(c.balance.inclTax, input.instalments, firstDue, amounts));
  const at = new Date(now).toISOString();
  await commit(deps, c, {
    paymentPlan: { planId: `${invoiceId}-PP${c.plans.length + 1}`, invoiceId, createdAt: at, actor, status: "active", total: c.balance.inclTax, instalments },
  });
  return showCase(deps, invoiceId);
}

export async function contact(deps: DeskDeps, invoiceId: string, input: { outcome: string; note?: string | undefined }, actor: string): Promise<CaseView> {
  const outcome = must(parseOutcome(input.outcome));
  const c = await loadCase(deps, invoiceId);
  refused(checkAction("contact", c.invoice.status, invoiceId));
  await commit(deps, c, { contact: { invoiceId, accountId: c.invoice.accountId, at: nowIso(deps), actor, outcome, note: input.note ?? "" } });
  return showCase(deps, invoiceId);
}
