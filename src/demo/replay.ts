import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, DEFAULT_CATALOG, UNGUARDED_CATALOG } from "../app/index.ts";
import type { InvoiceDocument, Period } from "../domain/index.ts";
import { LINES_HEADER, USAGE_HEADER } from "./records.ts";
import { DEFAULT_SEGMENT, generateSegment, type SegmentParameters } from "./segment.ts";
import { DEMO_PERIOD, PHYSICIAN, physicianLine, physicianUsage, VALENCIENNES, valenciennesLine, valenciennesUsage } from "./story.ts";

/** The replay runs as if on 2 November 2009, once October is over. */
export const DEMO_NOW = Date.parse("2009-11-02T09:00:00+01:00");

export interface DemoNotice {
  kind: string;
  threshold?: number;
  country?: string;
  cap_id?: string;
  /** An abnormal-usage notice's reason code (border_flapping…). */
  code?: string;
  urgent: boolean;
}

export interface DemoCase {
  case: "valenciennes" | "physician";
  plan: string;
  unguarded_total_excl_tax: string;
  guarded_plan: string;
  guarded_total_excl_tax: string;
  guarded_status: string;
  guarded_hold_reasons: string[];
  notices: DemoNotice[];
  legacy_plan_guarded?: { plan: string; total_excl_tax: string; status: string; hold_reasons: string[]; notices: DemoNotice[] };
}

export interface DemoReport {
  period: string;
  cases: DemoCase[];
  segment: {
    lines: number;
    records: number;
    invoices: number;
    held: number;
    held_unguarded: number;
    total_excl_tax_unguarded: string;
    total_excl_tax_guarded: string;
    seed: number;
    /** Lines `anomalies --period 2009-10` lists on the guarded store, and which 2009 cases are among them. */
    flagged: number;
    flagged_cases: DemoCase["case"][];
  };
}

interface RunResult {
  invoices: InvoiceDocument[];
  notices: DemoNotice[];
  /** Line ids with an abnormal-consumption finding in the period. */
  flagged: string[];
}

/**
 * One replay on a fresh store: load lines and usage through the real import path, close October.
 * With the months before October (`historyCsv`), also list the lines `anomalies` flags.
 */
async function run(
  dir: string,
  name: string,
  catalog: string,
  linesCsv: string,
  usageCsv: string,
  noticesOf?: string,
  historyCsv?: string,
): Promise<RunResult> {
  const lines = join(dir, `${name}-lines.csv`);
  const usage = join(dir, `${name}-usage.csv`);
  writeFileSync(lines, linesCsv);
  writeFileSync(usage, usageCsv);
  const app = await App.open({ dbPath: join(dir, `${name}.db`), catalogPath: catalog, clock: { now: () => DEMO_NOW }, synchronous: "NORMAL" });
  try {
    await app.importLinesFile(lines);
    if (historyCsv !== undefined) {
      writeFileSync(join(dir, `${name}-history.csv`), historyCsv);
      await app.importUsageFile(join(dir, `${name}-history.csv`));
    }
    await app.importUsageFile(usage);
    // What the watch on committed usage raised is part of the story: let it read everything first.
    await app.anomalies.flush();
    await app.closePeriod(DEMO_PERIOD, "demo");
    const invoices = await app.invoices(DEMO_PERIOD);
    const notices = noticesOf ? (await app.store.listNotices({ lineId: noticesOf })).map(demoNotice) : [];
    const flagged = historyCsv === undefined ? [] : (await app.anomalies.findingsFor(DEMO_PERIOD as Period)).map((f) => f.lineId);
    return { invoices, notices, flagged };
  } finally {
    await app.close();
  }
}

function demoNotice(n: { kind: string; urgent: boolean; payload: string }): DemoNotice {
  const p = JSON.parse(n.payload) as { threshold?: number; country?: string; cap_id?: string; code?: string };
  return {
    kind: n.kind,
    urgent: n.urgent,
    ...(p.threshold !== undefined ? { threshold: p.threshold } : {}),
    ...(p.country ? { country: p.country } : {}),
    ...(p.cap_id ? { cap_id: p.cap_id } : {}),
    ...(p.code ? { code: p.code } : {}),
  };
}

function only(result: RunResult): InvoiceDocument {
  const invoice = result.invoices[0];
  if (!invoice || result.invoices.length !== 1) throw new Error(`expected one invoice, got ${result.invoices.length}`);
  return invoice;
}

function sumTotals(invoices: readonly InvoiceDocument[]): string {
  let cents = 0n;
  for (const i of invoices) cents += BigInt(i.total_excl_tax.replace(".", ""));
  const s = cents.toString().padStart(3, "0");
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

export async function runDemo(segmentParams: Partial<SegmentParameters> = {}): Promise<DemoReport> {
  const dir = mkdtempSync(join(tmpdir(), "gardefou-demo-"));
  try {
    const csv = (header: string, rows: string[]) => `${[header, ...rows].join("\n")}\n`;
    const valUsage = csv(USAGE_HEADER, valenciennesUsage());
    const valLines = csv(LINES_HEADER, [valenciennesLine()]);
    const valUnguarded = only(await run(dir, "val-unguarded", UNGUARDED_CATALOG, valLines, valUsage));
    const valGuarded = await run(dir, "val-guarded", DEFAULT_CATALOG, valLines, valUsage, VALENCIENNES.lineId);
    const valInvoice = only(valGuarded);

    const phyUsage = csv(USAGE_HEADER, physicianUsage());
    const phyLegacyLines = csv(LINES_HEADER, [physicianLine("pro-everywhere-50")]);
    const phyUnguarded = only(await run(dir, "phy-unguarded", UNGUARDED_CATALOG, phyLegacyLines, phyUsage));
    const phyLegacy = await run(dir, "phy-legacy", DEFAULT_CATALOG, phyLegacyLines, phyUsage, PHYSICIAN.lineId);
    const phyUnlimited = await run(dir, "phy-unlimited", DEFAULT_CATALOG, csv(LINES_HEADER, [physicianLine("pro-unlimited")]), phyUsage, PHYSICIAN.lineId);
    const legacyInvoice = only(phyLegacy);
    const unlimitedInvoice = only(phyUnlimited);

    const params = { ...DEFAULT_SEGMENT, ...segmentParams };
    const segment = generateSegment(params);
    const segUnguarded = await run(dir, "segment-unguarded", UNGUARDED_CATALOG, segment.linesCsv, segment.usageCsv);
    // Only the guarded store needs the past: the detectors judge a line against it; invoices of October ignore it.
    const segGuarded = await run(dir, "segment-guarded", DEFAULT_CATALOG, segment.linesCsv, segment.usageCsv, undefined, segment.historyCsv);

    return {
      period: DEMO_PERIOD,
      cases: [
        {
          case: "valenciennes",
          plan: "pro-everywhere-95",
          unguarded_total_excl_tax: valUnguarded.total_excl_tax,
          guarded_plan: "pro-everywhere-95",
          guarded_total_excl_tax: valInvoice.total_excl_tax,
          guarded_status: valInvoice.status,
          guarded_hold_reasons: valInvoice.hold_reasons.map((r) => r.code),
          notices: valGuarded.notices,
        },
        {
          case: "physician",
          plan: "pro-everywhere-50",
          unguarded_total_excl_tax: phyUnguarded.total_excl_tax,
          guarded_plan: "pro-unlimited",
          guarded_total_excl_tax: unlimitedInvoice.total_excl_tax,
          guarded_status: unlimitedInvoice.status,
          guarded_hold_reasons: unlimitedInvoice.hold_reasons.map((r) => r.code),
          notices: phyUnlimited.notices,
          legacy_plan_guarded: {
            plan: "pro-everywhere-50",
            total_excl_tax: legacyInvoice.total_excl_tax,
            status: legacyInvoice.status,
            hold_reasons: legacyInvoice.hold_reasons.map((r) => r.code),
            notices: phyLegacy.notices,
          },
        },
      ],
      segment: {
        lines: params.lines,
        records: segment.records,
        invoices: segGuarded.invoices.length,
        held: segGuarded.invoices.filter((i) => i.status === "held").length,
        held_unguarded: segUnguarded.invoices.filter((i) => i.status === "held").length,
        total_excl_tax_unguarded: sumTotals(segUnguarded.invoices),
        total_excl_tax_guarded: sumTotals(segGuarded.invoices),
        seed: params.seed,
        flagged: segGuarded.flagged.length,
        flagged_cases: [
          ...(segGuarded.flagged.includes(VALENCIENNES.lineId) ? (["valenciennes"] as const) : []),
          ...(segGuarded.flagged.includes(PHYSICIAN.lineId) ? (["physician"] as const) : []),
        ],
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
