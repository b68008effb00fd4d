import type { ContactOutcome, InvoiceStatus, Micros, Period, Service, Zone } from "../../domain/index.ts";
import type { InvoiceEvent } from "../ports.ts";
import type { JournaledUsageRow, PlanChangeRow, StoredContact, StoredCreditNote } from "../review-ports.ts";

export interface CreditNoteSqlRow {
  credit_note_id: string;
  invoice_id: string;
  at: string;
  actor: string;
  reason_code: string;
  total_excl_tax: number;
  tax: number;
  document: string;
}

export function creditNoteFromSql(r: CreditNoteSqlRow): StoredCreditNote {
  return {
    creditNoteId: r.credit_note_id,
    invoiceId: r.invoice_id,
    at: r.at,
    actor: r.actor,
    reasonCode: r.reason_code,
    totalExclTax: r.total_excl_tax as Micros,
    tax: r.tax as Micros,
    document: r.document,
  };
}

export interface ContactSqlRow {
  invoice_id: string;
  account_id: string;
  at: string;
  actor: string;
  outcome: string;
  note: string;
}

export function contactFromSql(r: ContactSqlRow): StoredContact {
  return { invoiceId: r.invoice_id, accountId: r.account_id, at: r.at, actor: r.actor, outcome: r.outcome as ContactOutcome, note: r.note };
}

export interface EventSqlRow {
  invoice_id: string;
  at: string;
  actor: string;
  from_status: string | null;
  to_status: string;
  reason: string;
}

export function eventFromSql(r: EventSqlRow): InvoiceEvent {
  return {
    invoiceId: r.invoice_id,
    at: r.at,
    actor: r.actor,
    from: (r.from_status ?? undefined) as InvoiceStatus | undefined,
    to: r.to_status as InvoiceStatus,
    reason: r.reason,
  };
}

export interface UsageSqlRow {
  line_id: string;
  service: string;
  zone: string;
  country: string;
  quantity: number;
  usage_period: string;
  bill_period: string;
  units: number;
  unit_label: string;
  amount: number;
  over_units: number;
  over_cap_id: string | null;
}

export function journaledFromSql(r: UsageSqlRow): JournaledUsageRow {
  return {
    lineId: r.line_id,
    service: r.service as Service,
    zone: r.zone as Zone,
    country: r.country,
    quantity: r.quantity,
    usagePeriod: r.usage_period as Period,
    billPeriod: r.bill_period as Period,
    units: r.units,
    unitLabel: r.unit_label,
    amount: r.amount as Micros,
    overUnits: r.over_units,
    overCapId: r.over_cap_id ?? undefined,
  };
}

export interface PlanChangeSqlRow {
  line_id: string;
  effective_period: string;
  from_plan: string;
  from_fee: number | null;
  to_plan: string;
  to_fee: number | null;
  scheduled_at: string;
  actor: string;
  status: string;
  applied_at: string | null;
}

export function planChangeFromSql(r: PlanChangeSqlRow): PlanChangeRow {
  return {
    lineId: r.line_id,
    effectivePeriod: r.effective_period as Period,
    fromPlan: r.from_plan,
    fromFee: r.from_fee === null ? undefined : (r.from_fee as Micros),
    toPlan: r.to_plan,
    toFee: r.to_fee === null ? undefined : (r.to_fee as Micros),
    scheduledAt: r.scheduled_at,
    actor: r.actor,
    status: r.status === "applied" ? "applied" : "scheduled",
    appliedAt: r.applied_at ?? undefined,
  };
}

export function planChangeToSql(c: PlanChangeRow): unknown[] {
  return [c.lineId, c.effectivePeriod, c.fromPlan, c.fromFee ?? null, c.toPlan, c.toFee ?? null, c.scheduledAt, c.actor, c.status, c.appliedAt ?? null];
}
