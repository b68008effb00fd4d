import type pg from "pg";
import type { InvoiceStatus, Micros, Period } from "../../domain/index.ts";
import type { InvoiceEvent, LineRecord, OutboxRow, PartitionFilter, StoredInvoice } from "../ports.ts";
import type { JournaledUsageRow, PlanChangeRow, ReviewStore, ReviewWrite, StoredContact, StoredCreditNote, StoredPaymentPlan } from "../review-ports.ts";
import { inTransaction } from "./connect.ts";
import { insertOutbox } from "./journal.ts";
import { type EventPgRow, eventFromPg, type InvoicePgRow, int, invoiceFromPg } from "./mapping.ts";
import { ofPartitions } from "./partition-filter.ts";
import {
  type ContactPgRow,
  type CreditNotePgRow,
  contactFromPg,
  creditNoteFromPg,
  type JournaledPgRow,
  journaledFromPg,
  type PlanChangePgRow,
  planChangeFromPg,
  planChangeToPg,
} from "./review-mapping.ts";

/** The review desk's store on PostgreSQL (migration 030-review). */
export class PostgresReviewStore implements ReviewStore {
  constructor(private readonly pool: pg.Pool) {}

  async getInvoice(invoiceId: string): Promise<StoredInvoice | undefined> {
    const { rows } = await this.pool.query<InvoicePgRow>("SELECT * FROM invoices WHERE invoice_id = $1", [invoiceId]);
    return rows[0] ? invoiceFromPg(rows[0]) : undefined;
  }

  async invoicesWithStatus(statuses: readonly InvoiceStatus[]): Promise<StoredInvoice[]> {
    if (statuses.length === 0) return [];
    const { rows } = await this.pool.query<InvoicePgRow>("SELECT * FROM invoices WHERE status = ANY($1::text[]) ORDER BY period, account_id", [statuses]);
    return rows.map(invoiceFromPg);
  }

  async invoicedAccounts(): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ account_id: string }>("SELECT DISTINCT account_id FROM invoices");
    return new Set(rows.map((r) => r.account_id));
  }

  async events(invoiceIds: readonly string[]): Promise<InvoiceEvent[]> {
    if (invoiceIds.length === 0) return [];
    const { rows } = await this.pool.query<EventPgRow>("SELECT * FROM invoice_events WHERE invoice_id = ANY($1::text[]) ORDER BY id", [invoiceIds]);
    return rows.map(eventFromPg);
  }

  async creditNotes(invoiceId: string): Promise<StoredCreditNote[]> {
    const { rows } = await this.pool.query<CreditNotePgRow>("SELECT * FROM credit_notes WHERE invoice_id = $1 ORDER BY seq", [invoiceId]);
    return rows.map(creditNoteFromPg);
  }

  async paymentPlans(invoiceId: string): Promise<StoredPaymentPlan[]> {
    const plans = await this.pool.query<{ plan_id: string; invoice_id: string; created_at: string; actor: string; status: string; total: string }>(
      "SELECT * FROM payment_plans WHERE invoice_id = $1 ORDER BY seq",
      [invoiceId],
    );
    const instalments = await this.pool.query<{ plan_id: string; seq: number; due_date: string; amount: string }>(
      "SELECT plan_id, seq, due_date, amount FROM payment_instalments WHERE plan_id = ANY($1::text[]) ORDER BY plan_id, seq",
      [plans.rows.map((p) => p.plan_id)],
    );
    return plans.rows.map((p) => ({
      planId: p.plan_id,
      invoiceId: p.invoice_id,
      createdAt: p.created_at,
      actor: p.actor,
      status: p.status === "active" ? "active" : "superseded",
      total: int(p.total, "total") as Micros,
      instalments: instalments.rows
        .filter((i) => i.plan_id === p.plan_id)
        .map((i) => ({ seq: i.seq, dueDate: i.due_date, amount: int(i.amount, "amount") as Micros })),
    }));
  }

  async contacts(invoiceIds: readonly string[]): Promise<StoredContact[]> {
    if (invoiceIds.length === 0) return [];
    const { rows } = await this.pool.query<ContactPgRow>("SELECT * FROM contact_attempts WHERE invoice_id = ANY($1::text[]) ORDER BY id", [invoiceIds]);
    return rows.map(contactFromPg);
  }

  async write(a: ReviewWrite): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      // The row lock makes a second reviewer's action wait, then see the changed status and fail.
      const current = await client.query<{ status: string }>("SELECT status FROM invoices WHERE invoice_id = $1 FOR UPDATE", [a.invoiceId]);
      const notes = await client.query<{ n: string }>("SELECT COUNT(*) AS n FROM credit_notes WHERE invoice_id = $1", [a.invoiceId]);
      if (current.rows[0]?.status !== a.expectedStatus || int(notes.rows[0]?.n ?? "0", "credit_notes") !== a.expectedCreditNotes) return false;
      const events = a.events ?? [];
      const last = events.at(-1);
      if (last) {
        if (a.document === undefined) throw new Error("a status change must come with the invoice document");
        await client.query("UPDATE invoices SET status = $1, document = $2 WHERE invoice_id = $3", [last.to, a.document, a.invoiceId]);
        for (const e of events) {
          await client.query("INSERT INTO invoice_events (invoice_id, at, actor, from_status, to_status, reason) VALUES ($1,$2,$3,$4,$5,$6)", [
            e.invoiceId,
            e.at,
            e.actor,
            e.from ?? null,
            e.to,
            e.reason,
          ]);
        }
      }
      if (a.creditNote || a.paymentPlan) {
        // A plan must sum to the balance: once the balance moves, the old plan no longer holds.
        await client.query("UPDATE payment_plans SET status = 'superseded' WHERE invoice_id = $1 AND status = 'active'", [a.invoiceId]);
      }
      const c = a.creditNote;
      if (c) {
        await client.query(
          "INSERT INTO credit_notes (credit_note_id, invoice_id, at, actor, reason_code, total_excl_tax, tax, document) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)",
          [c.creditNoteId, c.invoiceId, c.at, c.actor, c.reasonCode, c.totalExclTax, c.tax, c.document],
        );
      }
      const p = a.paymentPlan;
      if (p) {
        await client.query("INSERT INTO payment_plans (plan_id, invoice_id, created_at, actor, status, total) VALUES ($1,$2,$3,$4,$5,$6)", [
          p.planId,
          p.invoiceId,
          p.createdAt,
          p.actor,
          p.status,
          p.total,
        ]);
        for (const i of p.instalments) {
          await client.query("INSERT INTO payment_instalments (plan_id, seq, due_date, amount) VALUES ($1,$2,$3,$4)", [p.planId, i.seq, i.dueDate, i.amount]);
        }
      }
      const k = a.contact;
      if (k) {
        await client.query("INSERT INTO contact_attempts (invoice_id, account_id, at, actor, outcome, note) VALUES ($1,$2,$3,$4,$5,$6)", [
          k.invoiceId,
          k.accountId,
          k.at,
          k.actor,
          k.outcome,
          k.note,
        ]);
      }
      return true;
    });
  }

  async journaledUsage(usagePeriods: readonly Period[], lineIds?: ReadonlySet<string>): Promise<JournaledUsageRow[]> {
    if (usagePeriods.length === 0) return [];
    const lines = lineIds ? [...lineIds] : null;
    const { rows } = await this.pool.query<JournaledPgRow>(
      `SELECT line_id, service, zone, country, quantity, usage_period, bill_period, units, unit_label, amount, over_units, over_cap_id
       FROM usage WHERE usage_period = ANY($1::text[]) AND ($2::text[] IS NULL OR line_id = ANY($2::text[])) ORDER BY seq`,
      [usagePeriods, lines],
    );
    return rows.map(journaledFromPg);
  }

  async planChanges(status?: PlanChangeRow["status"], partitions?: PartitionFilter): Promise<PlanChangeRow[]> {
    const only = ofPartitions(partitions, "line", "AND");
    const params = status ? [...only.params, status] : only.params;
    const byStatus = status ? `AND status = $${params.length}` : "";
    const { rows } = await this.pool.query<PlanChangePgRow>(
      `SELECT * FROM plan_changes WHERE true ${only.sql} ${byStatus} ORDER BY effective_period, line_id`,
      params,
    );
    return rows.map(planChangeFromPg);
  }

  async schedulePlanChanges(changes: readonly PlanChangeRow[], notices: readonly OutboxRow[]): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      for (const c of changes) {
        await client.query(
          "INSERT INTO plan_changes (line_id, effective_period, from_plan, from_fee, to_plan, to_fee, scheduled_at, actor, status, applied_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)",
          planChangeToPg(c),
        );
      }
      if (notices.length > 0) await insertOutbox(client, notices);
    });
  }

  async applyPlanChanges(changes: readonly PlanChangeRow[], lines: readonly LineRecord[], at: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      for (const l of lines)
        await client.query("UPDATE lines SET plan_id = $1, monthly_fee = $2 WHERE line_id = $3", [l.planId, l.monthlyFee ?? null, l.lineId]);
      for (const c of changes) {
        await client.query("UPDATE plan_changes SET status = 'applied', applied_at = $1 WHERE line_id = $2 AND effective_period = $3", [
          at,
          c.lineId,
          c.effectivePeriod,
        ]);
      }
    });
  }
}
