import {
  type BillableLine,
  buildInvoice,
  type ConsumptionFinding,
  type HoldReason,
  type Invoice,
  invoiceDocument,
  type Micros,
  type Period,
  type PeriodCalendar,
  type UsageAggregate,
} from "../domain/index.ts";
import type { InvoiceEvent, StoredInvoice } from "../store/index.ts";
import type { ChargingEngine } from "./engine.ts";
import { applyDuePlanChanges } from "./plan-change.ts";

export type CloseResult = { ok: true; invoices: Invoice[] } | { ok: false; code: "period_already_closed" | "period_not_ended"; message: string };

export interface CloseOptions {
  readonly actor: string;
  readonly now: number;
  /** Extra hold reasons per account, as ready-made reasons. */
  readonly extraHoldReasons?: (accountId: string) => HoldReason[];
  /** Abnormal-consumption findings of an account's lines in the period (the `abnormal_consumption` hold rule). */
  readonly findings?: (accountId: string) => readonly ConsumptionFinding[];
  /**
   * Applies the plan changes the close makes due (default). Off when the lines' owners are other
   * engines, which apply them to their own lines once told the period closed.
   */
  readonly applyPlanChanges?: boolean;
}

/** Why `period` cannot be closed at `now`, if it cannot: closed already, or not over yet. */
export function closeRefusal(period: Period, closed: boolean, calendar: PeriodCalendar, now: number): Extract<CloseResult, { ok: false }> | undefined {
  if (closed) return { ok: false, code: "period_already_closed", message: `period ${period} is already closed` };
  const end = calendar.endOf(period);
  if (now < end) return { ok: false, code: "period_not_ended", message: `period ${period} has not ended yet (it ends ${new Date(end).toISOString()})` };
  return undefined;
}

/**
 * Closes a billing period: one invoice per account, built from the journal, drafted then held
 * or issued by the hold rules — in one transaction with the period's closing, after every
 * record queued before it is committed. Usage of the period that arrives later is billed in
 * the next open period as a late adjustment.
 */
export function closePeriod(engine: ChargingEngine, period: Period, options: CloseOptions): Promise<CloseResult> {
  return engine.exclusive(async () => {
    const refused = closeRefusal(period, engine.isClosed(period), engine.calendar, options.now);
    if (refused) return refused;
    const usage = await engine.store.usageForBilling(period);
    const byAccount = new Map<string, BillableLine[]>();
    const periodEnd = engine.calendar.endOf(period);
    for (const line of engine.lines.all()) {
      const r = line.record;
      const activated = r.activatedAt ? Date.parse(r.activatedAt) : Number.NEGATIVE_INFINITY;
      const hasUsage = line.peek(period) !== undefined;
      if (activated >= periodEnd && !hasUsage) continue;
      // The plan in force in the period: a change scheduled for the next one is not billed yet.
      const terms = line.termsAt(period);
      const fee = terms.plan.monthlyFee.kind === "fixed" ? terms.plan.monthlyFee.amount : ((terms.monthlyFee ?? 0) as Micros);
      const list = byAccount.get(r.accountId) ?? [];
      list.push({ lineId: r.lineId, planId: terms.plan.id, planName: terms.plan.name, monthlyFee: fee });
      byAccount.set(r.accountId, list);
    }
    const usageByLine = new Map<string, UsageAggregate[]>();
    for (const u of usage) {
      const list = usageByLine.get(u.lineId) ?? [];
      list.push({
        lineId: u.lineId,
        service: u.service,
        zone: u.zone,
        country: u.country,
        countryName: engine.networks.countryName(u.country) ?? u.country,
        usagePeriod: u.usagePeriod,
        quantity: u.quantity,
        units: u.units,
        unitLabel: u.unitLabel,
        amount: u.amount as Micros,
        overUnits: u.overUnits,
        overCapIds: u.overCapIds ? u.overCapIds.split(",") : [],
        records: u.records,
      });
      usageByLine.set(u.lineId, list);
    }
    // Only read when the catalog has a first-invoice rule: it scans every invoice's account.
    const invoiced = engine.catalog.holdRules.some((r) => r.kind === "first_invoice_above") ? await engine.store.review.invoicedAccounts() : undefined;
    const invoices: Invoice[] = [];
    for (const [accountId, lines] of [...byAccount.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      invoices.push(
        buildInvoice(engine.catalog, {
          invoiceId: `INV-${period}-${accountId}`,
          accountId,
          period,
          lines,
          usage: lines.flatMap((l) => usageByLine.get(l.lineId) ?? []),
          extraHoldReasons: options.extraHoldReasons?.(accountId) ?? [],
          firstInvoice: invoiced !== undefined && !invoiced.has(accountId),
          findings: options.findings?.(accountId) ?? [],
        }),
      );
    }
    const at = new Date(options.now).toISOString();
    const stored: StoredInvoice[] = invoices.map((i) => ({
      invoiceId: i.invoiceId,
      accountId: i.accountId,
      period: i.period,
      status: i.status,
      totalExclTax: i.totalExclTax,
      document: JSON.stringify(invoiceDocument(i)),
    }));
    const events: InvoiceEvent[] = invoices.flatMap((i) => [
      { invoiceId: i.invoiceId, at, actor: options.actor, from: undefined, to: "draft" as const, reason: `period ${period} closed` },
      {
        invoiceId: i.invoiceId,
        at,
        actor: "hold-rules",
        from: "draft" as const,
        to: i.status,
        reason: i.status === "held" ? i.holdReasons.map((r) => r.code).join(", ") : "no hold rule applies",
      },
    ]);
    await engine.store.closePeriod(period, stored, events);
    engine.markClosed(period);
    // The cycle boundary: plan changes effective from the next period take over now.
    if (options.applyPlanChanges !== false) await applyDuePlanChanges(engine.store, engine.catalog, engine.lines, (p) => engine.isClosed(p), at);
    return { ok: true, invoices };
  });
}
