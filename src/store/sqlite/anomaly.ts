import type Database from "better-sqlite3";
import type { Micros, Zone } from "../../domain/index.ts";
import { type AnomalyStore, type DismissalRow, type NewUsage, SLOT_MS, type SlotQuery, type UsageSlot } from "../anomaly-ports.ts";
import type { Store } from "../ports.ts";
import { SqliteStore } from "./store.ts";

type Db = Database.Database;

interface SlotSqlRow {
  line_id: string;
  slot_ms: number;
  serving_plmn: string;
  zone: string;
  octets: number;
  amount: number;
  data_records: number;
}

// Integer division floors only for non-negative instants: usage before 1970 is not a case.
const SLOT_SELECT = `SELECT line_id, (started_ms / ${SLOT_MS}) * ${SLOT_MS} AS slot_ms, serving_plmn, zone,
  SUM(CASE WHEN service = 'data' THEN quantity ELSE 0 END) AS octets, SUM(amount) AS amount,
  SUM(CASE WHEN service = 'data' THEN 1 ELSE 0 END) AS data_records
  FROM usage`;
// No ORDER BY: the mapping groups by line itself, and sorting the journal costs a fifth of the scan.
const SLOT_GROUP = "GROUP BY line_id, slot_ms, serving_plmn, zone";

function slotFromSql(r: SlotSqlRow): UsageSlot {
  return {
    lineId: r.line_id,
    slotMs: r.slot_ms,
    servingPlmn: r.serving_plmn,
    // The store keeps every zone of the catalog; the mapping decides what the detectors see.
    zone: r.zone as Zone,
    octets: r.octets,
    amount: r.amount as Micros,
    dataRecords: r.data_records,
  };
}

/**
 * The anomaly side of the SQLite store. Reading by `started_ms` scans the journal (it has no
 * secondary index, on purpose: see 001-core); reading by `seq` is a range of the primary key,
 * which is why catching up after each commit stays cheap.
 */
export class SqliteAnomalyStore implements AnomalyStore {
  private readonly head: Database.Statement;
  private readonly byTime: Database.Statement;
  private readonly bySeq: Database.Statement;
  private readonly insertDismissal: Database.Statement;
  private readonly selectDismissals: Database.Statement;

  constructor(private readonly db: Db) {
    this.head = db.prepare("SELECT COALESCE(MAX(seq), 0) AS head FROM usage");
    this.byTime = db.prepare(`${SLOT_SELECT} WHERE started_ms >= ? AND started_ms < ? AND seq > ? AND seq <= ? ${SLOT_GROUP}`);
    this.bySeq = db.prepare(`${SLOT_SELECT} WHERE seq > ? AND seq <= ? AND started_ms >= ? ${SLOT_GROUP}`);
    this.insertDismissal = db.prepare("INSERT INTO anomaly_dismissals (line_id, code, reason, actor, at) VALUES (?,?,?,?,?)");
    this.selectDismissals = db.prepare("SELECT line_id, code, reason, actor, at FROM anomaly_dismissals ORDER BY id");
  }

  async journalHead(): Promise<number> {
    return (this.head.get() as { head: number }).head;
  }

  async usageSlots(q: SlotQuery): Promise<UsageSlot[]> {
    const upTo = q.upToSeq ?? Number.MAX_SAFE_INTEGER;
    return (this.byTime.all(q.fromMs, q.toMs, q.afterSeq ?? 0, upTo) as SlotSqlRow[]).map(slotFromSql);
  }

  async usageSince(afterSeq: number, fromMs = Number.MIN_SAFE_INTEGER): Promise<NewUsage> {
    // One synchronous read: nothing commits between the head and the rows on this connection.
    const read = this.db.transaction((): NewUsage => {
      const head = (this.head.get() as { head: number }).head;
      if (head <= afterSeq) return { head: afterSeq, slots: [] };
      return { head, slots: (this.bySeq.all(afterSeq, head, fromMs) as SlotSqlRow[]).map(slotFromSql) };
    });
    return read();
  }

  async listDismissals(): Promise<DismissalRow[]> {
    const rows = this.selectDismissals.all() as { line_id: string; code: string; reason: string; actor: string; at: string }[];
    return rows.map((r) => ({ lineId: r.line_id, code: r.code, reason: r.reason, actor: r.actor, at: r.at }));
  }

  async recordDismissal(d: DismissalRow): Promise<void> {
    this.insertDismissal.run(d.lineId, d.code, d.reason, d.actor, d.at);
  }
}

/** The anomaly adapter of an opened store: SQLite's built here, another adapter's own (PostgreSQL), if any. */
export function anomalyStoreOf(store: Store): AnomalyStore | undefined {
  return store instanceof SqliteStore ? new SqliteAnomalyStore(store.db) : store.anomaly;
}
