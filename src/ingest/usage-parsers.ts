import { CsvSplitter, parseCsvRecord } from "./csv.ts";
import { type FieldResult, type FieldValue, type RawUsage, USAGE_FIELDS, usageFromFields } from "./usage-fields.ts";

export type ParsedUsage = FieldResult;

/** Turns text chunks of a usage file into validated records or coded rejects. */
export interface UsageParser {
  push(chunk: string): ParsedUsage[];
  end(): ParsedUsage[];
  readonly warnings: string[];
}

export class HeaderError extends Error {
  readonly code = "invalid_header";
}

const REPLACEMENT = "\uFFFD";

function malformedUtf8(lineNo: number, raw: string): ParsedUsage {
  // The decoder replaces invalid byte sequences with U+FFFD; a CDR has no business holding one.
  return { ok: false, code: "malformed_utf8", message: "the record is not valid UTF-8", recordId: undefined, lineNo, raw };
}

export function csvUsageParser(): UsageParser {
  const splitter = new CsvSplitter();
  const warnings: string[] = [];
  let columns: Map<string, number> | undefined;
  let width = 0;
  // Column of each interchange field; a missing column reads past the end (undefined).
  const positions = Object.fromEntries(USAGE_FIELDS.map((n) => [n, Number.MAX_SAFE_INTEGER])) as Record<(typeof USAGE_FIELDS)[number], number>;

  const header = (text: string) => {
    const names = parseCsvRecord(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (!names) throw new HeaderError("the header row is not valid CSV");
    columns = new Map(names.map((n, i) => [n.trim(), i]));
    width = names.length;
    for (const name of USAGE_FIELDS) positions[name] = columns.get(name) ?? Number.MAX_SAFE_INTEGER;
    const unknown = names.filter((n) => !(USAGE_FIELDS as readonly string[]).includes(n.trim()));
    if (unknown.length > 0) warnings.push(`ignored unknown column(s): ${unknown.join(", ")}`);
    const missing = ["record_id", "service", "started_at", "serving_plmn"].filter((n) => !columns?.has(n));
    if (!["line_id", "imsi", "msisdn"].some((n) => columns?.has(n))) missing.push("line_id|imsi|msisdn");
    if (missing.length > 0) throw new HeaderError(`the header lacks required column(s): ${missing.join(", ")}`);
  };

  const one = (lineNo: number, text: string): ParsedUsage | undefined => {
    if (!columns) {
      header(text);
      return undefined;
    }
    if (text === "") return undefined;
    if (text.includes(REPLACEMENT)) return malformedUtf8(lineNo, text);
    const fields = parseCsvRecord(text);
    if (!fields) return { ok: false, code: "malformed_csv", message: "broken quoting in the record", recordId: undefined, lineNo, raw: text };
    if (fields.length !== width) {
      return { ok: false, code: "wrong_column_count", message: `expected ${width} fields, found ${fields.length}`, recordId: undefined, lineNo, raw: text };
    }
    const c = positions;
    return usageFromFields(
      {
        record_id: fields[c.record_id],
        line_id: fields[c.line_id],
        imsi: fields[c.imsi],
        msisdn: fields[c.msisdn],
        service: fields[c.service],
        started_at: fields[c.started_at],
        duration_s: fields[c.duration_s],
        bytes_up: fields[c.bytes_up],
        bytes_down: fields[c.bytes_down],
        serving_plmn: fields[c.serving_plmn],
        rating_group: fields[c.rating_group],
        session_id: fields[c.session_id],
      },
      lineNo,
      text,
    );
  };

  const run = (records: { lineNo: number; text: string }[]) => {
    const out: ParsedUsage[] = [];
    for (const r of records) {
      const parsed = one(r.lineNo, r.text);
      if (parsed) out.push(parsed);
    }
    return out;
  };
  return {
    warnings,
    push: (chunk) => run(splitter.push(chunk)),
    end: () => {
      const out = run(splitter.end());
      if (!columns) throw new HeaderError("the file is empty: no header row");
      return out;
    },
  };
}

export function jsonlUsageParser(): UsageParser {
  let carry = "";
  let lineNo = 0;
  const warnings: string[] = [];
  const warned = new Set<string>();

  const one = (text: string): ParsedUsage | undefined => {
    lineNo++;
    const line = text.endsWith("\r") ? text.slice(0, -1) : text;
    if (line.trim() === "") return undefined;
    if (line.includes(REPLACEMENT)) return malformedUtf8(lineNo, line);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return { ok: false, code: "malformed_json", message: `not valid JSON: ${(error as Error).message}`, recordId: undefined, lineNo, raw: line };
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return { ok: false, code: "malformed_json", message: "each line must be a JSON object", recordId: undefined, lineNo, raw: line };
    }
    const record = value as Record<string, FieldValue>;
    for (const key of Object.keys(record)) {
      if (!(USAGE_FIELDS as readonly string[]).includes(key) && !warned.has(key)) {
        warned.add(key);
        warnings.push(`ignored unknown field "${key}"`);
      }
    }
    return usageFromFields(record as unknown as RawUsage, lineNo, line);
  };

  const run = (lines: string[]) => lines.map(one).filter((p): p is ParsedUsage => p !== undefined);
  return {
    warnings,
    push(chunk) {
      const text = carry + chunk;
      const parts = text.split("\n");
      carry = parts.pop() ?? "";
      return run(parts);
    },
    end() {
      const last = carry;
      carry = "";
      return last === "" ? [] : run([last]);
    },
  };
}

export function usageParserFor(fileName: string): UsageParser | undefined {
  if (/\.csv$/i.test(fileName)) return csvUsageParser();
  if (/\.(jsonl|ndjson)$/i.test(fileName)) return jsonlUsageParser();
  return undefined;
}
