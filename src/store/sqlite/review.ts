import type Database from "better-sqlite3";
import type { InvoiceStatus, Micros, Period } from "../../domain/index.ts";
import type { InvoiceEvent, LineRecord, OutboxRow, PartitionFilter, StoredInvoice } from "../ports.ts";
import type { JournaledUsageRow, PlanChangeRow, ReviewStore, ReviewWrite, StoredContact, StoredCreditNote, StoredPaymentPlan } from "../review-ports.ts";
import { type InvoiceSqlRow, inPartitions, invoiceFromSql } from "./mapping.ts";
import {
  type ContactSqlRow,
  type CreditNoteSqlRow,
  contactFromSql,
  creditNoteFromSql,
  type EventSqlRow,
  eventFromSql,
  journaledFromSql,
  type PlanChangeSqlRow,
  planChangeFromSql,
  planChangeToSql,
  type UsageSqlRow,
} from "./review-mapping.ts";

type Db = Database.Database;

/** SQLite's own limit on bound parameters is far above this; chunks keep statements reusable. */
const CHUNK = 500;

/** The review desk's store on the embedded SQLite file (migration 030-review). */
export class SqliteReviewStore implements ReviewStore {
  constructor(private readonly db: Db) {}

  async getInvoice(invoiceId: string): Promise<StoredInvoice | undefined> {
    const row = this.db.prepare("SELECT * FROM invoices WHERE invoice_id = ?").get(invoiceId) as InvoiceSqlRow | undefined;
    return row ? invoiceFromSql(row) : undefined;
  }

  async invoicesWithStatus(statuses: readonly InvoiceStatus[]): Promise<StoredInvoice[]> {
    if (statuses.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT * FROM invoices WHERE status IN (${statuses.map(() => "?").join(",")}) ORDER BY period, account_id`)
      .all(...statuses) as InvoiceSqlRow[];
    return rows.map(invoiceFromSql);
  }

  async invoicedAccounts(): Promise<Set<string>> {
    const rows = this.db.prepare("SELECT DISTINCT account_id FROM invoices").all() as { account_id: string }[];
    return new Set(rows.map((r) => r.account_id));
  }

  async events(invoiceIds: readonly string[]): Promise<InvoiceEvent[]> {
    return this.chunked(invoiceIds, (ids) => `SELECT * FROM invoice_events WHERE invoice_id IN (${ids}) ORDER BY id`).map((r) =>
      eventFromSql(r as EventSqlRow),
    );
  }

  async creditNotes(invoiceId: string): Promise<StoredCreditNote[]> {
    const rows = this.db.prepare("SELECT * FROM credit_notes WHERE invoice_id = ? ORDER BY rowid").all(invoiceId) as CreditNoteSqlRow[];
    return rows.map(creditNoteFromSql);
  }

  async paymentPlans(invoiceId: string): Promise<StoredPaymentPlan[]> {
    const plans = this.db.prepare("SELECT * FROM payment_plans WHERE invoice_id = ? ORDER BY rowid").all(invoiceId) as {
      plan_id: string;
      invoice_id: string;
      created_at: string;
      actor: string;
      status: string;
      total: number;
    }[];
    const instalments = this.db.prepare("SELECT seq, due_date, amount FROM payment_instalments WHERE plan_id = ? ORDER BY seq");
    return plans.map((p) => ({
      planId: p.plan_id,
      invoiceId: p.invoice_id,
      createdAt: p.created_at,
      actor: p.actor,
      status: p.status === "active" ? "active" : "superseded",
      total: p.total as Micros,
      instalments: (instalments.all(p.plan_id) as { seq: number; due_date: string; amount: number }[]).map((i) => ({
        seq: i.seq,
        dueDate: i.due_date,
        amount: i.amount as Micros,
      })),
    }));
  }

  async contacts(invoiceIds: readonly string[]): Promise<StoredContact[]> {
    return this.chunked(invoiceIds, (ids) => `SELECT * FROM contact_attempts WHERE invoice_id IN (${ids}) ORDER BY id`).map((r) =>
      contactFromSql(r as ContactSqlRow),
    );
  }

  async write(action: ReviewWrite): Promise<boolean> {
    return this.db.transaction((a: ReviewWrite): boolean => {
      const current = this.db.prepare("SELECT status FROM invoices WHERE invoice_id = ?").get(a.invoiceId) as { status: string } | undefined;
      const notes = this.db.prepare("SELECT COUNT(*) AS n FROM credit_notes WHERE invoice_id = ?").get(a.invoiceId) as { n: number };
      if (current?.status !== a.expectedStatus || notes.n !== a.expectedCreditNotes) return false;
      const events = a.events ?? [];
      const last = events.at(-1);
      if (last) {
        if (a.document === undefined) throw new Error("a status change must come with the invoice document");
        this.db.prepare("UPDATE invoices SET status = ?, document = ? WHERE invoice_id = ?").run(last.to, a.document, a.invoiceId);
        const event = this.db.prepare("INSERT INTO invoice_events (invoice_id, at, actor, from_status, to_status, reason) VALUES (?,?,?,?,?,?)");
        for (const e of events) event.run(e.invoiceId, e.at, e.actor, e.from ?? null, e.to, e.reason);
      }
      if (a.creditNote || a.paymentPlan) {
        // A plan must sum to the balance: once the balance moves, the old plan no longer holds.
        this.db.prepare("UPDATE payment_plans SET status = 'superseded' WHERE invoice_id = ? AND status = 'active'").run(a.invoiceId);
      }
      const c = a.creditNote;
      if (c) {
        this.db
          .prepare("INSERT INTO credit_notes (credit_note_id, invoice_id, at, actor, reason_code, total_excl_tax, tax, document) VALUES (?,?,?,?,?,?,?,?)")
          .run(c.creditNoteId, c.invoiceId, c.at, c.actor, c.reasonCode, c.totalExclTax, c.tax, c.document);
      }
      const p = a.paymentPlan;
      if (p) {
        this.db
          .prepare("INSERT INTO payment_plans (plan_id, invoice_id, created_at, actor, status, total) VALUES (?,?,?,?,?,?)")
          .run(p.planId, p.invoiceId, p.createdAt, p.actor, p.status, p.total);
        const instalment = this.db.prepare("INSERT INTO payment_instalments (plan_id, seq, due_date, amount) VALUES (?,?,?,?)");
        for (const i of p.instalments) instalment.run(p.planId, i.seq, i.dueDate, i.amount);
      }
      const k = a.contact;
      if (k) {
        this.db
          .prepare("INSERT INTO contact_attempts (invoice_id, account_id, at, actor, outcome, note) VALUES (?,?,?,?,?,?)")
          .run(k.invoiceId, k.accountId, k.at, k.actor, k.outcome, k.note);
      }
      return true;
    })(action);
  }

  async journaledUsage(usagePeriods: readonly Period[], lineIds?: ReadonlySet<string>): Promise<JournaledUsageRow[]> {
    if (usagePeriods.length === 0) return [];
    // The journal has no index beside record_id (inserts first): one ordered scan of the periods.
    const rows = this.db
      .prepare(
        `SELECT line_id, service, zone, country, quantity, usage_period, bill_period, units, unit_label, amount, over_units, over_cap_id
         FROM usage WHERE usage_period IN (${usagePeriods.map(() => "?").join(",")}) ORDER BY seq`,
      )
      .all(...usagePeriods) as UsageSqlRow[];
    const out: JournaledUsageRow[] = [];
    for (const r of rows) if (!lineIds || lineIds.has(r.line_id)) out.push(journaledFromSql(r));
    return out;
  }

  async planChanges(status?: PlanChangeRow["status"], partitions?: PartitionFilter): Promise<PlanChangeRow[]> {
    const rows = (
      status
        ? this.db.prepare("SELECT * FROM plan_changes WHERE status = ? ORDER BY effective_period, line_id").all(status)
        : this.db.prepare("SELECT * FROM plan_changes ORDER BY effective_period, line_id").all()
    ) as PlanChangeSqlRow[];
    return inPartitions(rows, partitions).map(planChangeFromSql);
  }

  async schedulePlanChanges(changes: readonly PlanChangeRow[], notices: readonly OutboxRow[]): Promise<void> {
    const change = this.db.prepare(
      "INSERT INTO plan_changes (line_id, effective_period, from_plan, from_fee, to_plan, to_fee, scheduled_at, actor, status, applied_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
    );
    const outbox = this.db.prepare(
      "INSERT INTO outbox (key, line_id, account_id, period, kind, urgent, payload, created_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(key) DO NOTHING",
    );
    this.db.transaction(() => {
      for (const c of changes) change.run(planChangeToSql(c));
      for (const o of notices) outbox.run(o.key, o.lineId, o.accountId, o.period, o.kind, o.urgent ? 1 : 0, o.payload, o.createdAt);
    })();
  }

  async applyPlanChanges(changes: readonly PlanChangeRow[], lines: readonly LineRecord[], at: string): Promise<void> {
    const line = this.db.prepare("UPDATE lines SET plan_id = ?, monthly_fee = ? WHERE line_id = ?");
    const mark = this.db.prepare("UPDATE plan_changes SET status = 'applied', applied_at = ? WHERE line_id = ? AND effective_period = ?");
    this.db.transaction(() => {
      for (const l of lines) line.run(l.planId, l.monthlyFee ?? null, l.lineId);
      for (const c of changes) mark.run(at, c.lineId, c.effectivePeriod);
    })();
  }

  private chunked(ids: readonly string[], sql: (placeholders: string) => string): unknown[] {
    const out: unknown[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      out.push(...this.db.prepare(sql(chunk.map(() => "?").join(","))).all(...chunk));
    }
    return out;
  }
}
