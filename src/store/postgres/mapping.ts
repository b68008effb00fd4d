import { type InvoiceStatus, type Micros, type Period, partitionOf, type Service } from "../../domain/index.ts";
import type { InvoiceEvent, LineRecord, RejectRow, StoredInvoice, UsageIdentity, UsageRow } from "../ports.ts";

/**
 * `pg` returns BIGINT, NUMERIC (what SUM of a BIGINT gives) and COUNT as strings, because a
 * JavaScript number cannot hold every 64-bit integer. Each is parsed here, explicitly: digit
 * text to a safe integer, and anything that is not exactly representable is an error, never a
 * silently rounded float (a micro-unit lost is a wrong invoice).
 */
export class StoreDataError extends Error {
  readonly code = "integer_out_of_range";
}

const INTEGER_TEXT = /^-?\d+$/;

export function int(value: string | number, column: string): number {
  if (typeof value === "number") {
    if (Number.isSafeInteger(value)) return value;
  } else if (INTEGER_TEXT.test(value)) {
    // Number() of integer text below 2^53 is exact; at or above it isSafeInteger says no.
    const n = Number(value);
    if (Number.isSafeInteger(n)) return n;
  }
  throw new StoreDataError(`${column}: ${value} is not an integer JavaScript can hold exactly`);
}

export function intOrUndefined(value: string | number | null, column: string): number | undefined {
  return value === null ? undefined : int(value, column);
}

/** PostgreSQL text cannot hold NUL; a reject keeps its input visibly (␀) rather than failing the batch. */
export function pgText(s: string): string {
  return s.includes("\u0000") ? s.replaceAll("\u0000", "\u2400") : s;
}

export interface LinePgRow {
  line_id: string;
  account_id: string;
  imsi: string;
  msisdn: string;
  plan_id: string;
  email: string | null;
  locale: string;
  roaming_cap: string | null;
  roaming_opt_out: boolean;
  monthly_fee: string | null;
  activated_at: string | null;
}

export function lineFromPg(r: LinePgRow): LineRecord {
  return {
    lineId: r.line_id,
    accountId: r.account_id,
    imsi: r.imsi,
    msisdn: r.msisdn,
    planId: r.plan_id,
    email: r.email ?? undefined,
    locale: r.locale === "en" ? "en" : "fr",
    roamingCap: intOrUndefined(r.roaming_cap, "roaming_cap") as Micros | undefined,
    roamingOptOut: r.roaming_opt_out,
    monthlyFee: intOrUndefined(r.monthly_fee, "monthly_fee") as Micros | undefined,
    activatedAt: r.activated_at ?? undefined,
  };
}

export const LINE_COLUMNS = [
  "line_id",
  "part",
  "account_id",
  "imsi",
  "msisdn",
  "plan_id",
  "email",
  "locale",
  "roaming_cap",
  "roaming_opt_out",
  "monthly_fee",
  "activated_at",
] as const;
export const LINE_TYPES = ["text", "int2", "text", "text", "text", "text", "text", "text", "int8", "bool", "int8", "text"] as const;

export type Cell = string | number | boolean | null;

export function lineToPg(l: LineRecord): Cell[] {
  return [
    l.lineId,
    partitionOf(l.lineId),
    l.accountId,
    l.imsi,
    l.msisdn,
    l.planId,
    l.email ?? null,
    l.locale,
    l.roamingCap ?? null,
    l.roamingOptOut,
    l.monthlyFee ?? null,
    l.activatedAt ?? null,
  ];
}

/** Journal columns in the order of `usageToPg`, with their PostgreSQL types (for unnest casts). */
export const USAGE_COLUMNS = [
  ["line_id", "text"],
  ["record_id", "text"],
  ["part", "int2"],
  ["service", "text"],
  ["started_ms", "int8"],
  ["duration_s", "int8"],
  ["bytes_up", "int8"],
  ["bytes_down", "int8"],
  ["serving_plmn", "text"],
  ["rating_group", "int8"],
  ["session_id", "text"],
  ["usage_period", "text"],
  ["bill_period", "text"],
  ["zone", "text"],
  ["country", "text"],
  ["quantity", "int8"],
  ["allowance_id", "text"],
  ["allowance_used", "int8"],
  ["units", "int8"],
  ["unit_label", "text"],
  ["amount", "int8"],
  ["over_units", "int8"],
  ["over_cap_id", "text"],
  ["throttled", "bool"],
  ["source", "text"],
] as const;

export function usageToPg(u: UsageRow): Cell[] {
  return [
    u.lineId,
    u.recordId,
    partitionOf(u.lineId),
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
    u.throttled,
    u.source,
  ];
}

export const IDENTITY_COLUMNS = "record_id, line_id, service, started_ms, duration_s, bytes_up, bytes_down, serving_plmn, rating_group, session_id";

export interface IdentityPgRow {
  record_id: string;
  line_id: string;
  service: string;
  started_ms: string;
  duration_s: string;
  bytes_up: string;
  bytes_down: string;
  serving_plmn: string;
  rating_group: string | null;
  session_id: string | null;
}

export function identityFromPg(r: IdentityPgRow): UsageIdentity {
  return {
    recordId: r.record_id,
    lineId: r.line_id,
    service: r.service as Service,
    startedMs: int(r.started_ms, "started_ms"),
    durationS: int(r.duration_s, "duration_s"),
    bytesUp: int(r.bytes_up, "bytes_up"),
    bytesDown: int(r.bytes_down, "bytes_down"),
    servingPlmn: r.serving_plmn,
    ratingGroup: intOrUndefined(r.rating_group, "rating_group"),
    sessionId: r.session_id ?? undefined,
  };
}

export function rejectToPg(r: RejectRow): Cell[] {
  return [pgText(r.source), r.lineNo, r.recordId === undefined ? null : pgText(r.recordId), r.code, pgText(r.message), pgText(r.raw)];
}

export interface RejectPgRow {
  source: string;
  line_no: string;
  record_id: string | null;
  code: string;
  message: string;
  raw: string;
}

export function rejectFromPg(r: RejectPgRow): RejectRow {
  return { source: r.source, lineNo: int(r.line_no, "line_no"), recordId: r.record_id ?? undefined, code: r.code, message: r.message, raw: r.raw };
}

export interface InvoicePgRow {
  invoice_id: string;
  account_id: string;
  period: string;
  status: string;
  total_excl_tax: string;
  document: string;
}

export function invoiceFromPg(r: InvoicePgRow): StoredInvoice {
  return {
    invoiceId: r.invoice_id,
    accountId: r.account_id,
    period: r.period as Period,
    status: r.status as InvoiceStatus,
    totalExclTax: int(r.total_excl_tax, "total_excl_tax") as Micros,
    document: r.document,
  };
}

export interface EventPgRow {
  invoice_id: string;
  at: string;
  actor: string;
  from_status: string | null;
  to_status: string;
  reason: string;
}

export function eventFromPg(r: EventPgRow): InvoiceEvent {
  return {
    invoiceId: r.invoice_id,
    at: r.at,
    actor: r.actor,
    from: (r.from_status ?? undefined) as InvoiceEvent["from"],
    to: r.to_status as InvoiceEvent["to"],
    reason: r.reason,
  };
}
