import { DEFAULT_SEGMENT, generateSegment } from "../../src/demo/index.ts";

/** One data session a gateway will run over Gy: where, when, and how much it wants to use. */
export interface PlannedSession {
  readonly sessionId: string;
  readonly lineId: string;
  readonly imsi: string;
  readonly plmn: string;
  /** Event-Timestamp of the CCR-I; each later request is one second after the one before. */
  readonly startMs: number;
  /** Octets the subscriber would use if every grant allowed it. */
  readonly bytes: number;
}

/** The lines the online mode loads, and the sessions it runs, grouped by line in usage order. */
export interface OnlineWorkload {
  readonly linesCsv: string;
  /** Per line, its sessions in the order they must run (one after the other: one open at a time). */
  readonly lines: readonly { readonly lineId: string; readonly sessions: readonly PlannedSession[] }[];
  readonly sessions: number;
}

const HOME = "208";
/** Roaming sessions per roaming line, and home sessions before its first trip. */
const ROAMING_SESSIONS = 8;
const HOME_BEFORE = 2;
/** Lines that never roam, kept for the allowance and fair-use side (the physician among them). */
const HOME_LINES = 12;
const HOME_LINE_SESSIONS = 3;

/**
 * The same generated 2009 segment as the file mode (seed 2026), turned into Gy sessions: every
 * line that roams (the Valenciennes laptop, the heavy roamers and border cases whose caps cut
 * them off, the travellers reading mail abroad), each with a few home sessions before its first
 * trip, plus a dozen home-only lines with the physician among them. One usage record of the
 * segment is one session. Session-Ids depend only on the line and the record, so that every run
 * of the campaign — and the clean reference — sends the same requests.
 */
export function makeOnlineWorkload(lines = 600): OnlineWorkload {
  const segment = generateSegment({
    ...DEFAULT_SEGMENT,
    lines,
    seed: 2026,
    historyMonths: 0,
    abnormal: { borderFlapping: 3, alwaysOn: 2, volumeMultiple: 2, heavyRoaming: 4 },
  });
  const imsiOf = new Map<string, string>();
  for (const row of segment.linesCsv.trimEnd().split("\n").slice(1)) {
    const [lineId, , imsi] = row.split(",");
    if (lineId && imsi) imsiOf.set(lineId, imsi);
  }
  // record_id,line_id,service,started_at,duration_s,bytes_up,bytes_down,serving_plmn,session_id
  const records = new Map<string, { id: string; startMs: number; bytes: number; plmn: string }[]>();
  for (const row of segment.usageCsv.trimEnd().split("\n").slice(1)) {
    const c = row.split(",");
    const lineId = c[1] as string;
    const list = records.get(lineId) ?? [];
    list.push({ id: c[0] as string, startMs: Date.parse(c[3] as string), bytes: Number(c[5]) + Number(c[6]), plmn: c[7] as string });
    records.set(lineId, list);
  }
  const out: { lineId: string; sessions: PlannedSession[] }[] = [];
  let homeLines = 0;
  for (const [lineId, list] of records) {
    const imsi = imsiOf.get(lineId);
    if (imsi === undefined) continue;
    list.sort((a, b) => a.startMs - b.startMs || (a.id < b.id ? -1 : 1));
    const firstTrip = list.findIndex((r) => !r.plmn.startsWith(HOME));
    let chosen: typeof list;
    if (firstTrip !== -1) {
      const roaming = list.filter((r) => !r.plmn.startsWith(HOME)).slice(0, ROAMING_SESSIONS);
      chosen = [...list.slice(0, firstTrip).slice(-HOME_BEFORE), ...roaming];
    } else if (homeLines < HOME_LINES) {
      // The physician's line comes second in the segment: it is always among them.
      homeLines++;
      chosen = list.slice(0, HOME_LINE_SESSIONS);
    } else continue;
    out.push({
      lineId,
      sessions: chosen.map((r) => ({ sessionId: `pgw.crash.example;${r.id}`, lineId, imsi, plmn: r.plmn, startMs: r.startMs, bytes: r.bytes })),
    });
  }
  return { linesCsv: segment.linesCsv, lines: out, sessions: out.reduce((n, l) => n + l.sessions.length, 0) };
}
