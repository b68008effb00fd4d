import { KIB, PeriodCalendar } from "../domain/index.ts";

/** Writes demo usage as the interchange CSV (shared spec), so the demo uses the real import path. */
export const USAGE_HEADER = "record_id,line_id,service,started_at,duration_s,bytes_up,bytes_down,serving_plmn,session_id";
export const LINES_HEADER = "line_id,account_id,imsi,msisdn,plan_id,email,locale,monthly_fee_eur";

const paris = new PeriodCalendar("Europe/Paris");

/** An instant given in Paris local time, as RFC 3339 with its offset (+01:00 or +02:00). */
export function parisTime(year: number, month1: number, day: number, hour: number, minute: number): string {
  const naive = Date.UTC(year, month1 - 1, day, hour, minute);
  const offset = paris.offsetAt(naive - paris.offsetAt(naive));
  const sign = offset >= 0 ? "+" : "-";
  const hh = String(Math.floor(Math.abs(offset) / 3_600_000)).padStart(2, "0");
  const mm = String(Math.floor((Math.abs(offset) % 3_600_000) / 60_000)).padStart(2, "0");
  const local = new Date(naive).toISOString().slice(0, 19);
  return `${local}${sign}${hh}:${mm}`;
}

/** One data record of a whole number of KiB, a tenth of it uplink. */
export function dataRecord(recordId: string, lineId: string, startedAt: string, kib: number, plmn: string, durationS: number): string {
  const bytes = kib * KIB;
  const up = Math.floor(bytes / 10);
  return `${recordId},${lineId},data,${startedAt},${durationS},${up},${bytes - up},${plmn},${lineId}-s`;
}

/** Splits `total` KiB into `parts` whole amounts that sum exactly to it. */
export function splitKib(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const extra = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}
