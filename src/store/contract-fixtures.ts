/**
 * Rows for the store contract suite (`contract.ts`): plain data, the same for every adapter.
 * Values sit where adapters go wrong: volumes above 2^32, amounts at 2^53 - 1, text with
 * tabs, newlines and backslashes (COPY's escapes), optional fields absent.
 */
import type { Micros, Period } from "../domain/index.ts";
import type { LineRecord, OutboxRow, RejectRow, UsageRow } from "./ports.ts";

export const OCT = "2009-10" as Period;
export const NOV = "2009-11" as Period;
export const MAX_MICROS = Number.MAX_SAFE_INTEGER as Micros;

export function line(n: number, over: Partial<LineRecord> = {}): LineRecord {
  return {
    lineId: `L${n}`,
    accountId: `A${Math.floor(n / 2)}`,
    imsi: `20801${String(1_000_000_000 + n)}`,
    msisdn: `336${String(10_000_000 + n)}`,
    planId: "pro-everywhere-50",
    email: undefined,
    locale: "fr",
    roamingCap: undefined,
    roamingOptOut: false,
    monthlyFee: undefined,
    activatedAt: undefined,
    ...over,
  };
}

export function usage(recordId: string, over: Partial<UsageRow> = {}): UsageRow {
  return {
    recordId,
    lineId: "L1",
    service: "data",
    startedMs: Date.UTC(2009, 9, 14, 12, 0, 0),
    durationS: 60,
    bytesUp: 1_000,
    bytesDown: 5_000_000_000,
    servingPlmn: "20801",
    ratingGroup: 1,
    sessionId: "s-1",
    usagePeriod: OCT,
    billPeriod: OCT,
    zone: "home",
    country: "FR",
    quantity: 5_000_001_000,
    allowanceId: "data-home",
    allowanceUsed: 5_000_001_000,
    units: 0,
    unitLabel: "MB",
    amount: 0 as Micros,
    overUnits: 0,
    overCapId: undefined,
    throttled: false,
    source: "usage.csv",
    ...over,
  };
}

export function outbox(lineId: string, period: Period, notice: string, over: Partial<OutboxRow> = {}): OutboxRow {
  return {
    key: `${lineId}:${period}:${notice}`,
    lineId,
    accountId: "A0",
    period,
    kind: notice.split(":")[0] ?? notice,
    urgent: false,
    payload: JSON.stringify({ notice }),
    createdAt: "2009-10-14T12:00:00.000Z",
    ...over,
  };
}

export function reject(source: string, lineNo: number, over: Partial<RejectRow> = {}): RejectRow {
  return {
    source,
    lineNo,
    recordId: `bad-${lineNo}`,
    code: "invalid_volume",
    message: "bytes_up must be a non-negative integer",
    raw: `bad-${lineNo},L1`,
    ...over,
  };
}

/** `n` accepted records of line L2, enough for an adapter's bulk path (COPY). */
export function manyUsage(n: number, prefix: string): UsageRow[] {
  return Array.from({ length: n }, (_, i) =>
    usage(`${prefix}-${i}`, {
      lineId: "L2",
      bytesUp: i,
      bytesDown: 2 ** 33 + i,
      quantity: 2 ** 33 + 2 * i,
      allowanceId: undefined,
      allowanceUsed: 0,
      units: i,
      amount: (1_000_000 * i) as Micros,
      sessionId: i % 2 ? undefined : `s\t${i}\\x`,
      ratingGroup: i % 3 ? 4_294_967_295 : undefined,
      source: "multi\nline source",
    }),
  );
}
