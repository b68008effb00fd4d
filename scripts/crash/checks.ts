import { App } from "../../src/app/index.ts";
import { SERVICES, slotOf, ZONES } from "../../src/domain/index.ts";
import type { Reference } from "./reference.ts";
import { snapshotCounters } from "./reference.ts";
import { num, openSql, type Sql } from "./sql.ts";

export interface Violation {
  readonly iteration: number;
  readonly phase: string;
  readonly code: string;
  readonly detail: string;
}

/** What a check found, with the phase and iteration filled in by the caller. */
export type Finding = Omit<Violation, "iteration" | "phase">;

/** What the checks compare a store with: a clean run's journal, notices and counters (any mode). */
export type JournalReference = Pick<Reference, "perLine" | "records" | "outboxKeys" | "counters">;

/** The journal as it stands, per line in commit order. */
async function journalByLine(sql: Sql): Promise<Map<string, { id: string; amount: number }[]>> {
  const out = new Map<string, { id: string; amount: number }[]>();
  for (const r of await sql.rows<{ record_id: string; line_id: string; amount: unknown }>("SELECT record_id, line_id, amount FROM usage ORDER BY seq")) {
    const list = out.get(r.line_id) ?? [];
    list.push({ id: r.record_id, amount: num(r.amount) });
    out.set(r.line_id, list);
  }
  return out;
}

/**
 * Right after a kill (nothing restarted yet): no record twice, no notice key twice, and each
 * line's journal is a prefix of the clean run's, amount for amount — a crash may stop the work
 * anywhere but must leave nothing half-written or charged differently.
 */
export async function checkAfterCrash(sql: Sql, ref: JournalReference): Promise<{ findings: Finding[]; journalRows: number }> {
  const findings: Finding[] = [];
  const twice = await sql.rows<{ record_id: string; n: unknown }>("SELECT record_id, COUNT(*) AS n FROM usage GROUP BY record_id HAVING COUNT(*) > 1");
  for (const t of twice.slice(0, 5)) findings.push({ code: "record_charged_twice", detail: `${t.record_id} × ${num(t.n)}` });
  const keys = await sql.rows<{ key: string; n: unknown }>("SELECT key, COUNT(*) AS n FROM outbox GROUP BY key");
  for (const k of keys) {
    if (num(k.n) > 1) findings.push({ code: "notice_twice", detail: `${k.key} × ${num(k.n)}` });
    if (!ref.outboxKeys.has(k.key)) findings.push({ code: "unexpected_notice", detail: k.key });
  }
  let journalRows = 0;
  for (const [lineId, got] of await journalByLine(sql)) {
    journalRows += got.length;
    const want = ref.perLine.get(lineId) ?? [];
    const bad = got.findIndex((r, i) => r.id !== want[i]?.id || r.amount !== want[i]?.amount);
    if (bad !== -1) {
      const w = want[bad];
      findings.push({ code: "journal_not_prefix", detail: `${lineId} #${bad}: ${got[bad]?.id}=${got[bad]?.amount}, clean run ${w?.id}=${w?.amount}` });
    }
  }
  return { findings, journalRows };
}

/** Every acknowledged record id is in the journal. */
export async function checkAcknowledged(sql: Sql, ids: readonly string[]): Promise<Finding[]> {
  if (ids.length === 0) return [];
  const have = new Set((await sql.rows<{ record_id: string }>("SELECT record_id FROM usage")).map((r) => r.record_id));
  const lost = ids.filter((id) => !have.has(id));
  return lost.length === 0 ? [] : [{ code: "acknowledged_lost", detail: `${lost.length} record(s), e.g. ${lost.slice(0, 3).join(" ")}` }];
}

/** After the workload completed: the store is exactly what one clean import makes of the file. */
export async function checkComplete(db: string, ref: JournalReference): Promise<Finding[]> {
  const sql = await openSql(db);
  const findings: Finding[] = [];
  try {
    const crash = await checkAfterCrash(sql, ref);
    findings.push(...crash.findings);
    if (crash.journalRows !== ref.records) findings.push({ code: "journal_incomplete", detail: `${crash.journalRows} rows, clean run ${ref.records}` });
    const keys = await sql.rows<{ key: string }>("SELECT key FROM outbox");
    if (keys.length !== ref.outboxKeys.size) findings.push({ code: "notices_differ", detail: `${keys.length} notices, clean run ${ref.outboxKeys.size}` });
    findings.push(...(await checkCounters(db, sql, ref)));
  } finally {
    await sql.close();
  }
  return findings;
}

const SLOTS = SERVICES.length * ZONES.length;

/**
 * Counters as a restarted engine holds them equal, slot for slot, the sums of the journal, and
 * the counters the clean run built while rating.
 */
async function checkCounters(db: string, sql: Sql, ref: JournalReference): Promise<Finding[]> {
  const fromJournal = new Map<string, number[]>();
  const groups = await sql.rows<{ line_id: string; usage_period: string; service: string; zone: string; q: unknown; a: unknown }>(
    "SELECT line_id, usage_period, service, zone, SUM(quantity) AS q, SUM(amount) AS a FROM usage GROUP BY line_id, usage_period, service, zone",
  );
  for (const g of groups) {
    const key = `${g.line_id}|${g.usage_period}`;
    const v = fromJournal.get(key) ?? new Array<number>(2 * SLOTS).fill(0);
    const slot = slotOf(g.service as (typeof SERVICES)[number], g.zone as (typeof ZONES)[number]);
    v[slot] = num(g.q);
    v[SLOTS + slot] = num(g.a);
    fromJournal.set(key, v);
  }
  const app = await App.open({ dbPath: db, watchAnomalies: false });
  let live: ReturnType<typeof snapshotCounters>;
  try {
    live = snapshotCounters(app);
  } finally {
    await app.close();
  }
  const findings: Finding[] = [];
  for (const [key, values] of live) {
    const sums = fromJournal.get(key) ?? new Array<number>(2 * SLOTS).fill(0);
    const slot = sums.findIndex((s, i) => s !== values[i]);
    if (slot !== -1) findings.push({ code: "counters_not_journal", detail: `${key} slot ${slot}: engine ${values[slot]}, journal ${sums[slot]}` });
    const clean = ref.counters.get(key);
    const differs = clean === undefined ? values.some((x) => x !== 0) : values.findIndex((x, i) => x !== clean[i]) !== -1;
    if (differs) findings.push({ code: "counters_not_clean_run", detail: key });
  }
  for (const key of fromJournal.keys()) if (!live.has(key)) findings.push({ code: "counters_missing", detail: key });
  return findings;
}
