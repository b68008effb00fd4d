import { type InvoiceStatus, type Micros, type Period, partitionOf, type Service, type Zone } from "../../domain/index.ts";
import type { LineRecord, PartitionFilter, StoredInvoice, UsageIdentity, UsageRow } from "../ports.ts";

/**
 * The rows of lines in `partitions` (`PartitionFilter`), all without a filter. SQLite keeps no
 * partition column: it serves one engine owning every partition, so the filter is only there to
 * keep the ports' contract, and is applied after the query.
 */
export function inPartitions<T extends { readonly line_id: string }>(rows: T[], partitions: PartitionFilter | undefined): T[] {
  if (!partitions) return rows;
  const owned = new Set(partitions);
  return rows.filter((r) => owned.has(partitionOf(r.line_id)));
}

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
  const out = new Array<unknown>(USAGE_WIDTH);
  fillUsageParams(out, 0, u);
  return out;
}

/** Columns of a usage row (the INSERT in store.ts lists them in the same order). */
export const USAGE_WIDTH = 24;

/** Writes a row's parameters into `out` at `at`: a multi-row INSERT fills one array, no copies. */
export function fillUsageParams(out: unknown[], at: number, u: UsageRow): void {
  out[at + 0] = u.recordId;
  out[at + 1] = u.lineId;
  out[at + 2] = u.service;
  out[at + 3] = u.startedMs;
  out[at + 4] = u.durationS;
  out[at + 5] = u.bytesUp;
  out[at + 6] = u.bytesDown;
  out[at + 7] = u.servingPlmn;
  out[at + 8] = u.ratingGroup ?? null;
  out[at + 9] = u.sessionId ?? null;
  out[at + 10] = u.usagePeriod;
  out[at + 11] = u.billPeriod;
  out[at + 12] = u.zone;
  out[at + 13] = u.country;
  out[at + 14] = u.quantity;
  out[at + 15] = u.allowanceId ?? null;
  out[at + 16] = u.allowanceUsed;
  out[at + 17] = u.units;
  out[at + 18] = u.unitLabel;
  out[at + 19] = u.amount;
  out[at + 20] = u.overUnits;
  out[at + 21] = u.overCapId ?? null;
  out[at + 22] = u.throttled ? 1 : 0;
  out[at + 23] = u.source;
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
