import {
  type BillableLine,
  buildInvoice,
  type CreditNoteLine,
  type CreditReasonCode,
  checkAction,
  draftCreditNote,
  effectiveCaps,
  feeUnder,
  type JournaledUsage,
  money,
  type Period,
  type Plan,
  rerateCredit,
  rerateUsage,
  type WaiverCap,
  type WaiverRequest,
  waiverItems,
} from "../../domain/index.ts";
import { UserError } from "../errors.ts";
import { showCase, storedNote } from "./actions.ts";
import { loadCase, type ReviewCase } from "./case.ts";
import { commit } from "./commit.ts";
import { type DeskDeps, must, nowIso, refused } from "./deps.ts";
import type { CaseView } from "./views.ts";

export function planOf(deps: DeskDeps, planId: string): Plan {
  const plan = deps.catalog.plans.get(planId);
  if (!plan) throw new UserError("unknown_plan", `no plan "${planId}" in catalog ${deps.catalog.id} (plans: ${[...deps.catalog.plans.keys()].join(", ")})`);
  return plan;
}

/** The journal's records of these lines and usage periods, in journal order, with country names. */
export async function journaled(deps: DeskDeps, periods: readonly Period[], lineIds: ReadonlySet<string>): Promise<JournaledUsage[]> {
  const rows = await deps.store.review.journaledUsage(periods, lineIds);
  return rows.map((r) => ({ ...r, countryName: deps.networks.countryName(r.country) ?? r.country }));
}

/**
 * Re-rates the invoice's period under another plan (the one the customer should have had)
 * with the engine's own pure core over the journaled usage, then credits the difference.
 * Every record of the invoice's usage periods is replayed, so that allowances and caps are
 * consumed in the order they were; only those billed on this invoice are counted.
 */
export async function rerate(deps: DeskDeps, invoiceId: string, planId: string, reason: string | undefined, actor: string): Promise<CaseView> {
  const c = await loadCase(deps, invoiceId);
  refused(checkAction("rerate", c.invoice.status, invoiceId));
  const plan = planOf(deps, planId);
  const { invoice } = c;
  const lineIds = new Set(invoice.lines.map((l) => l.lineId));
  const periods = [...new Set([invoice.period, ...invoice.lines.flatMap((l) => (l.originalPeriod ? [l.originalPeriod] : []))])];
  const usage = await journaled(deps, periods, lineIds);
  const termsOf = (lineId: string) => {
    const record = deps.engine.lines.get(lineId)?.record;
    const caps = effectiveCaps(plan, { roamingCap: record?.roamingCap, roamingOptOut: record?.roamingOptOut ?? false });
    return { plan, caps, accountId: invoice.accountId };
  };
  const rated = must(rerateUsage(usage, termsOf, (u) => u.billPeriod === invoice.period));
  const billable: BillableLine[] = invoice.lines
    .filter((l) => l.kind === "subscription")
    .map((l) => ({
      lineId: l.lineId,
      planId: plan.id,
      planName: plan.name,
      monthlyFee: feeUnder(plan, deps.engine.lines.get(l.lineId)?.record.monthlyFee, l.amount),
    }));
  const fresh = buildInvoice(deps.catalog, {
    invoiceId,
    accountId: invoice.accountId,
    period: invoice.period,
    lines: billable,
    usage: rated,
    extraHoldReasons: [],
  });
  const items = must(rerateCredit(invoice, fresh, c.credits, plan.id));
  const why =
    reason?.trim() ||
    `re-rated under ${plan.id}: ${money.toCents(fresh.totalExclTax)} ${invoice.currency} excl. VAT instead of ${money.toCents(invoice.totalExclTax)}`;
  return settle(deps, c, items, "rerate", why, actor);
}

/**
 * Waives what is over a cap: above `cap` for the whole invoice when given, otherwise whatever
 * each line was billed beyond the spend caps of the plan it was billed on — at the limit the
 * customer chose, else the catalog's (an opted-out customer is brought back to the default).
 */
export async function waive(deps: DeskDeps, invoiceId: string, capText: string | undefined, reason: string | undefined, actor: string): Promise<CaseView> {
  const c = await loadCase(deps, invoiceId);
  refused(checkAction("waive", c.invoice.status, invoiceId));
  let request: WaiverRequest;
  if (capText !== undefined) {
    const cap = money.parseDecimal(capText);
    if (cap === undefined) throw new UserError("invalid_amount", `"${capText}" is not an amount: use a decimal such as 500.00`);
    request = { kind: "invoice_cap", cap };
  } else {
    request = { kind: "line_caps", capsOf: (lineId) => spendCaps(deps, c, lineId) };
  }
  const items = must(waiverItems(c.invoice, c.credits, request));
  return settle(deps, c, items, "over_cap_waiver", reason?.trim() || "waived what is over the cap", actor);
}

function spendCaps(deps: DeskDeps, c: ReviewCase, lineId: string): WaiverCap[] {
  const billed = c.invoice.lines.find((l) => l.lineId === lineId && l.kind === "subscription")?.planId;
  const line = deps.engine.lines.get(lineId);
  const plan = (billed ? deps.catalog.plans.get(billed) : undefined) ?? line?.plan;
  if (!plan) return [];
  return plan.caps
    .filter((cap) => cap.measure.kind === "spend")
    .map((cap) => ({
      id: cap.id,
      name: cap.name,
      service: cap.measure.service,
      zones: cap.measure.zones,
      limit: money.micros(cap.lineRoamingOverride && line?.record.roamingCap !== undefined ? line.record.roamingCap : cap.limit),
    }));
}

async function settle(
  deps: DeskDeps,
  c: ReviewCase,
  items: readonly CreditNoteLine[],
  code: CreditReasonCode,
  reason: string,
  actor: string,
): Promise<CaseView> {
  const id = c.invoice.invoiceId;
  const draft = must(draftCreditNote(c.invoice, c.credits, { kind: "items", items }, code, reason));
  await commit(deps, c, { creditNote: storedNote(c, { ...draft, creditNoteId: `${id}-CN${c.credits.length + 1}`, invoiceId: id, at: nowIso(deps), actor }) });
  return showCase(deps, id);
}
