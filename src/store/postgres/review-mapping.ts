import type { ContactOutcome, Micros, Period, Service, Zone } from "../../domain/index.ts";
import type { JournaledUsageRow, PlanChangeRow, StoredContact, StoredCreditNote } from "../review-ports.ts";
import { type Cell, int, intOrUndefined } from "./mapping.ts";

export interface CreditNotePgRow {
  credit_note_id: string;
  invoice_id: string;
  at: string;
  actor: string;
  reason_code: string;
  total_excl_tax: string;
  tax: string;
  document: string;
}

export function creditNoteFromPg(r: CreditNotePgRow): StoredCreditNote {
  return {
    creditNoteId: r.credit_note_id,
    invoiceId: r.invoice_id,
    at: r.at,
    actor: r.actor,
    reasonCode: r.reason_code,
    totalExclTax: int(r.total_excl_tax, "total_excl_tax") as Micros,
    tax: int(r.tax, "tax") as Micros,
    document: r.document,
  };
}

export interface ContactPgRow {
  invoice_id: string;
  account_id: string;
  at: string;
  actor: string;
  outcome: string;
  note: string;
}

export function contactFromPg(r: ContactPgRow): StoredContact {
  return { invoiceId: r.invoice_id, accountId: r.account_id, at: r.at, actor: r.actor, outcome: r.outcome as ContactOutcome, note: r.note };
}

export interface JournaledPgRow {
  line_id: string;
  service: string;
  zone: string;
  country: string;
  quantity: string;
  usage_period: string;
  bill_period: string;
  units: string;
  unit_label: string;
  amount: string;
  over_units: string;
  over_cap_id: string | null;
}

export function journaledFromPg(r: JournaledPgRow): JournaledUsageRow {
  return {
    lineId: r.line_id,
    service: r.service as Service,
    zone: r.zone as Zone,
    country: r.country,
    quantity: int(r.quantity, "quantity"),
    usagePeriod: r.usage_period as Period,
    billPeriod: r.bill_period as Period,
    units: int(r.units, "units"),
    unitLabel: r.unit_label,
    amount: int(r.amount, "amount") as Micros,
    overUnits: int(r.over_units, "over_units"),
    overCapId: r.over_cap_id ?? undefined,
  };
}

export interface PlanChangePgRow {
  line_id: string;
  effective_period: string;
  from_plan: string;
  from_fee: string | null;
  to_plan: string;
  to_fee: string | null;
  scheduled_at: string;
  actor: string;
  status: string;
  applied_at: string | null;
}

export function planChangeFromPg(r: PlanChangePgRow): PlanChangeRow {
  return {
    lineId: r.line_id,
    effectivePeriod: r.effective_period as Period,
    fromPlan: r.from_plan,
    fromFee: intOrUndefined(r.from_fee, "from_fee") as Micros | undefined,
    toPlan: r.to_plan,
    toFee: intOrUndefined(r.to_fee, "to_fee") as Micros | undefined,
    scheduledAt: r.scheduled_at,
    actor: r.actor,
    status: r.status === "applied" ? "applied" : "scheduled",
    appliedAt: r.applied_at ?? undefined,
  };
}

export function planChangeToPg(c: PlanChangeRow): Cell[] {
  return [c.lineId, c.effectivePeriod, c.fromPlan, c.fromFee ?? null, c.toPlan, c.toFee ?? null, c.scheduledAt, c.actor, c.status, c.appliedAt ?? null];
}
