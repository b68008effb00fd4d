import { parseRfc3339 } from "../domain/index.ts";
import type { UsageInput } from "../engine/index.ts";

/** Stable codes for records refused at the format level. */
export type FormatRejectCode =
  | "missing_record_id"
  | "invalid_record_id"
  | "missing_line_identifier"
  | "invalid_line_id"
  | "invalid_imsi"
  | "invalid_msisdn"
  | "invalid_service"
  | "invalid_timestamp"
  | "invalid_duration"
  | "invalid_volume"
  | "missing_volume"
  | "invalid_serving_plmn"
  | "invalid_rating_group"
  | "invalid_session_id"
  | "wrong_column_count"
  | "malformed_csv"
  | "malformed_utf8"
  | "malformed_json";

export type FieldResult =
  | { ok: true; usage: UsageInput }
  | { ok: false; code: FormatRejectCode; message: string; recordId: string | undefined; lineNo: number; raw: string };

/** A field's value as found in the input: CSV gives strings, JSON also numbers. */
export type FieldValue = string | number | boolean | null | undefined | object;

const DIGITS = (min: number, max: number) => new RegExp(`^\\d{${min},${max}}$`);
const IMSI = DIGITS(6, 15);
const MSISDN = DIGITS(8, 15);
const PLMN = /^\d{5,6}$/;

function text(v: FieldValue): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") return v === "" ? undefined : v;
  if (typeof v === "number") return String(v);
  return undefined;
}

/** A non-negative safe integer, from a digit string or a JSON integer; `null` when malformed. */
function count(v: FieldValue): number | undefined | null {
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v === "number") return Number.isSafeInteger(v) && v >= 0 ? v : null;
  if (typeof v === "string") {
    const n = v.length;
    if (n > 15) return null;
    let value = 0;
    for (let i = 0; i < n; i++) {
      const c = v.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return null;
      value = value * 10 + c;
    }
    return value;
  }
  return null;
}

/** The interchange fields of one usage record, as found in the input (docs/formats.md). */
export interface RawUsage {
  readonly record_id: FieldValue;
  readonly line_id: FieldValue;
  readonly imsi: FieldValue;
  readonly msisdn: FieldValue;
  readonly service: FieldValue;
  readonly started_at: FieldValue;
  readonly duration_s: FieldValue;
  readonly bytes_up: FieldValue;
  readonly bytes_down: FieldValue;
  readonly serving_plmn: FieldValue;
  readonly rating_group: FieldValue;
  readonly session_id: FieldValue;
}

function failure(recordId: string | undefined, lineNo: number, raw: string, code: FormatRejectCode, message: string): FieldResult {
  return { ok: false, code, message, recordId, lineNo, raw };
}

/** Validates one usage record into a `UsageInput`, or says which rule it breaks. */
export function usageFromFields(f: RawUsage, lineNo: number, raw: string): FieldResult {
  const recordId = text(f.record_id);
  if (recordId === undefined) return failure(recordId, lineNo, raw, "missing_record_id", "record_id is required");
  if (typeof f.record_id !== "string" || recordId.length > 128)
    return failure(recordId, lineNo, raw, "invalid_record_id", "record_id must be a string of 1 to 128 characters");

  const lineId = text(f.line_id);
  const imsi = text(f.imsi);
  const msisdn = text(f.msisdn);
  if (lineId === undefined && imsi === undefined && msisdn === undefined)
    return failure(recordId, lineNo, raw, "missing_line_identifier", "one of line_id, imsi or msisdn is required");
  if (lineId !== undefined && lineId.length > 64) return failure(recordId, lineNo, raw, "invalid_line_id", "line_id must be 1 to 64 characters");
  if (imsi !== undefined && !IMSI.test(imsi)) return failure(recordId, lineNo, raw, "invalid_imsi", `imsi "${imsi}" must be 6 to 15 digits`);
  if (msisdn !== undefined && !MSISDN.test(msisdn))
    return failure(recordId, lineNo, raw, "invalid_msisdn", `msisdn "${msisdn}" must be 8 to 15 digits (E.164 without +)`);

  const service = f.service;
  if (service !== "data" && service !== "voice" && service !== "sms")
    return failure(recordId, lineNo, raw, "invalid_service", `service "${text(service) ?? ""}" must be data, voice or sms`);

  const startedAt = text(f.started_at);
  const startedMs = startedAt === undefined ? undefined : parseRfc3339(startedAt);
  if (startedAt === undefined || startedMs === undefined)
    return failure(recordId, lineNo, raw, "invalid_timestamp", `started_at "${startedAt ?? ""}" is not an RFC 3339 timestamp with an offset or Z`);

  const duration = count(f.duration_s);
  if (duration === null) return failure(recordId, lineNo, raw, "invalid_duration", "duration_s must be a whole number of seconds ≥ 0");
  const up = count(f.bytes_up);
  const down = count(f.bytes_down);
  if (up === null || down === null)
    return failure(
      recordId,
      lineNo,
      raw,
      "invalid_volume",
      `bytes_up and bytes_down must be whole numbers ≥ 0 (got ${String(f.bytes_up ?? "")}, ${String(f.bytes_down ?? "")})`,
    );
  if (service === "data" && (up === undefined || down === undefined))
    return failure(recordId, lineNo, raw, "missing_volume", "a data record needs bytes_up and bytes_down");
  if (service === "voice" && duration === undefined) return failure(recordId, lineNo, raw, "invalid_duration", "a voice record needs duration_s");

  const plmn = text(f.serving_plmn);
  if (plmn === undefined || !PLMN.test(plmn))
    return failure(recordId, lineNo, raw, "invalid_serving_plmn", `serving_plmn "${plmn ?? ""}" must be 5 or 6 digits (MCC + MNC)`);
  const ratingGroup = count(f.rating_group);
  if (ratingGroup === null) return failure(recordId, lineNo, raw, "invalid_rating_group", "rating_group must be a whole number ≥ 0");
  const session = f.session_id;
  if (session !== undefined && session !== null && typeof session !== "string")
    return failure(recordId, lineNo, raw, "invalid_session_id", "session_id must be a string");

  return {
    ok: true,
    usage: {
      recordId,
      lineId,
      imsi,
      msisdn,
      service,
      startedMs,
      durationS: duration ?? 0,
      bytesUp: up ?? 0,
      bytesDown: down ?? 0,
      servingPlmn: plmn,
      ratingGroup,
      sessionId: session === "" || session === null ? undefined : (session as string | undefined),
      lineNo,
      raw,
    },
  };
}

export const USAGE_FIELDS = [
  "record_id",
  "line_id",
  "imsi",
  "msisdn",
  "service",
  "started_at",
  "duration_s",
  "bytes_up",
  "bytes_down",
  "serving_plmn",
  "rating_group",
  "session_id",
] as const;
