import { type Catalog, type Micros, money, parseRfc3339 } from "../domain/index.ts";
import type { LineRecord } from "../store/index.ts";
import { CsvSplitter, parseCsvRecord } from "./csv.ts";

export interface LineProblem {
  readonly lineNo: number;
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export type LinesResult = { ok: true; lines: LineRecord[]; warnings: string[] } | { ok: false; problems: LineProblem[] };

const LINE_FIELDS = [
  "line_id",
  "account_id",
  "imsi",
  "msisdn",
  "plan_id",
  "email",
  "locale",
  "roaming_cap_eur",
  "roaming_cap_opt_out",
  "activated_at",
  "monthly_fee_eur",
];

/**
 * Parses a whole lines file (CSV or JSON Lines) against the catalog. Every problem is listed;
 * a file with any problem is refused whole, so that nothing is half-loaded.
 */
export function parseLinesFile(text: string, fileName: string, catalog: Catalog): LinesResult {
  const rows = /\.(jsonl|ndjson)$/i.test(fileName) ? jsonRows(text) : csvRows(text);
  if (!rows.ok) return rows;
  const problems: LineProblem[] = [];
  const lines: LineRecord[] = [];
  const seen = { line: new Map<string, number>(), imsi: new Map<string, number>(), msisdn: new Map<string, number>() };
  for (const { lineNo, get } of rows.rows) {
    const p = (field: string, code: string, message: string) => problems.push({ lineNo, field, code, message });
    const str = (name: string) => {
      const v = get(name);
      return v === undefined || v === null || v === "" ? undefined : String(v);
    };
    const lineId = str("line_id");
    const accountId = str("account_id");
    const imsi = str("imsi");
    const msisdn = str("msisdn");
    const planId = str("plan_id");
    if (!lineId || lineId.length > 64) p("line_id", "invalid_line_id", "line_id is required, 1 to 64 characters");
    if (!accountId || accountId.length > 64) p("account_id", "invalid_account_id", "account_id is required, 1 to 64 characters");
    if (!imsi || !/^\d{6,15}$/.test(imsi)) p("imsi", "invalid_imsi", `imsi "${imsi ?? ""}" must be 6 to 15 digits`);
    if (!msisdn || !/^\d{8,15}$/.test(msisdn)) p("msisdn", "invalid_msisdn", `msisdn "${msisdn ?? ""}" must be 8 to 15 digits, E.164 without +`);
    const plan = planId ? catalog.plans.get(planId) : undefined;
    if (!plan) p("plan_id", "unknown_plan", `plan "${planId ?? ""}" is not in catalog ${catalog.id}`);
    const email = str("email");
    if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) p("email", "invalid_email", `"${email}" is not an e-mail address`);
    const locale = str("locale") ?? "fr";
    if (locale !== "fr" && locale !== "en") p("locale", "invalid_locale", `locale "${locale}" must be fr or en`);
    const cap = decimal(str("roaming_cap_eur"), "roaming_cap_eur", p);
    const fee = decimal(str("monthly_fee_eur"), "monthly_fee_eur", p);
    const optOutText = str("roaming_cap_opt_out")?.toLowerCase();
    if (optOutText !== undefined && optOutText !== "true" && optOutText !== "false")
      p("roaming_cap_opt_out", "invalid_boolean", "roaming_cap_opt_out must be true or false");
    const activatedAt = str("activated_at");
    if (activatedAt !== undefined && parseRfc3339(activatedAt) === undefined)
      p("activated_at", "invalid_timestamp", `activated_at "${activatedAt}" is not RFC 3339`);
    if (plan?.monthlyFee.kind === "inherit" && fee === undefined)
      p("monthly_fee_eur", "missing_monthly_fee", `plan ${plan.id} keeps the line's previous fee: give monthly_fee_eur`);
    for (const [kind, value] of [
      ["line", lineId],
      ["imsi", imsi],
      ["msisdn", msisdn],
    ] as const) {
      if (!value) continue;
      const first = seen[kind].get(value);
      if (first !== undefined) p(kind === "line" ? "line_id" : kind, "duplicate", `${kind} ${value} already on line ${first} of the file`);
      else seen[kind].set(value, lineNo);
    }
    if (lineId && accountId && imsi && msisdn && planId) {
      lines.push({
        lineId,
        accountId,
        imsi,
        msisdn,
        planId,
        email,
        locale: locale === "en" ? "en" : "fr",
        roamingCap: cap,
        roamingOptOut: optOutText === "true",
        monthlyFee: fee,
        activatedAt,
      });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, lines, warnings: rows.warnings };
}

function decimal(text: string | undefined, field: string, p: (f: string, c: string, m: string) => void): Micros | undefined {
  if (text === undefined) return undefined;
  const value = money.parseDecimal(text);
  if (value === undefined || value < 0) p(field, "invalid_amount", `${field} "${text}" must be a decimal amount such as 50.00`);
  return value;
}

type Row = { lineNo: number; get: (name: string) => unknown };
type Rows = { ok: true; rows: Row[]; warnings: string[] } | { ok: false; problems: LineProblem[] };

function csvRows(text: string): Rows {
  const splitter = new CsvSplitter();
  const records = [...splitter.push(text), ...splitter.end()].filter((r) => r.text !== "");
  const head = records.shift();
  const names = head ? parseCsvRecord(head.text.replace(/^\uFEFF/, "")) : undefined;
  if (!names) return { ok: false, problems: [{ lineNo: 1, field: "", code: "invalid_header", message: "no valid header row" }] };
  const unknown = names.filter((n) => !LINE_FIELDS.includes(n));
  const rows: Row[] = [];
  const problems: LineProblem[] = [];
  for (const r of records) {
    const fields = parseCsvRecord(r.text);
    if (!fields || fields.length !== names.length) {
      problems.push({ lineNo: r.lineNo, field: "", code: "wrong_column_count", message: `expected ${names.length} fields` });
      continue;
    }
    rows.push({ lineNo: r.lineNo, get: (name) => fields[names.indexOf(name)] });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, rows, warnings: unknown.length ? [`ignored unknown column(s): ${unknown.join(", ")}`] : [] };
}

function jsonRows(text: string): Rows {
  const rows: Row[] = [];
  const problems: LineProblem[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      const value = JSON.parse(line) as unknown;
      if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not an object");
      rows.push({ lineNo: i + 1, get: (name) => (value as Record<string, unknown>)[name] });
    } catch (error) {
      problems.push({ lineNo: i + 1, field: "", code: "malformed_json", message: (error as Error).message });
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows, warnings: [] };
}
