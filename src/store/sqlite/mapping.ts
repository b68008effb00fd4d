import type { InvoiceStatus, Micros, Period, Service, Zone } from "../../domain/index.ts";
import type { LineRecord, StoredInvoice, UsageIdentity, UsageRow } from "../ports.ts";

export interface LineSqlRow {
  line_id: string;
  account_id: string;
  imsi: string;
  msisdn: string;
  plan_id: string;
  email: string | null;
  locale: string;
  roaming_cap: number | null;
  roaming_opt_out: number;
  monthly_fee: number | null;
  activated_at: string | null;
}

export function lineFromSql(r: LineSqlRow): LineRecord {
  return {
    lineId: r.line_id,
    accountId: r.account_id,
    imsi: r.imsi,
    msisdn: r.msisdn,
    planId: r.plan_id,
    email: r.email ?? undefined,
    locale: r.locale === "en" ? "en" : "fr",
    roamingCap: r.roaming_cap === null ? undefined : (r.roaming_cap as Micros),
    roamingOptOut: r.roaming_opt_out === 1,
    monthlyFee: r.monthly_fee === null ? undefined : (r.monthly_fee as Micros),
    activatedAt: r.activated_at ?? undefined,
  };
}

export function lineToSql(l: LineRecord): unknown[] {
  return [
    l.lineId,
    l.accountId,
    l.imsi,
    l.msisdn,
    l.planId,
    l.email ?? null,
    l.locale,
    l.roamingCap ?? null,
    l.roamingOptOut ? 1 : 0,
    l.monthlyFee ?? null,
    l.activatedAt ?? null,
  ];
}

/** Positional parameters in the order of the INSERT in store.ts: the hot path avoids objects. */
export function usageToSql(u: UsageRow): unknown[] {
  return [
    u.recordId,
    u.lineId,
    u.service,
    u.startedMs,
    u.durationS,
    u.bytesUp,
    u.bytesDown,
    u.servingPlmn,
    u.ratingGroup ?? null,
    u.sessionId ?? null,
    u.usagePeriod,
    u.billPeriod,
    u.zone,
    u.country,
    u.quantity,
    u.allowanceId ?? null,
    u.allowanceUsed,
    u.units,
    u.unitLabel,
    u.amount,
    u.overUnits,
    u.overCapId ?? null,
    u.throttled ? 1 : 0,
    u.source,
  ];
}

export interface IdentitySqlRow {
  record_id: string;
  line_id: string;
  service: string;
  started_ms: number;
  duration_s: number;
  bytes_up: number;
  bytes_down: number;
  serving_plmn: string;
  rating_group: number | null;
  session_id: string | null;
}

export function identityFromSql(r: IdentitySqlRow): UsageIdentity {
  return {
    recordId: r.record_id,
    lineId: r.line_id,
    service: r.service as Service,
    startedMs: r.started_ms,
    durationS: r.duration_s,
    bytesUp: r.bytes_up,
    bytesDown: r.bytes_down,
    servingPlmn: r.serving_plmn,
    ratingGroup: r.rating_group ?? undefined,
    sessionId: r.session_id ?? undefined,
  };
}

export interface InvoiceSqlRow {
  invoice_id: string;
  account_id: string;
  period: string;
  status: string;
  total_excl_tax: number;
  document: string;
}

export function invoiceFromSql(r: InvoiceSqlRow): StoredInvoice {
  return {
    invoiceId: r.invoice_id,
    accountId: r.account_id,
    period: r.period as Period,
    status: r.status as InvoiceStatus,
    totalExclTax: r.total_excl_tax as Micros,
    document: r.document,
  };
}

export type ZoneText = Zone;
