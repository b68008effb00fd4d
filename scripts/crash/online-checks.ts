import type { Finding } from "./checks.ts";
import { type GyRun, usedRecordId } from "./online-driver.ts";
import { num, openSql, type Sql } from "./sql.ts";

/** The journal's online rows: record id → octets charged (`gy:<Session-Id>:<CC-Request-Number>:<Rating-Group>`). */
async function onlineRows(sql: Sql): Promise<Map<string, number>> {
  const rows = await sql.rows<{ record_id: string; bytes: unknown }>("SELECT record_id, bytes_up + bytes_down AS bytes FROM usage WHERE record_id LIKE 'gy:%'");
  return new Map(rows.map((r) => [r.record_id, num(r.bytes)]));
}

/**
 * Right after a kill, against what the gateway holds as answered:
 * - every answered CCR-U/T's used units are in the journal, with the octets it reported;
 * - the journal has no online row but for a request the gateway sent (answered, or in flight at
 *   the kill);
 * - a session whose CCR-I was answered is still open in `online_sessions` unless its CCR-T was in
 *   flight; a session whose CCR-T was answered is not.
 * Returns the findings and how many in-flight requests the engine had committed without their
 * answer reaching the gateway (answer stored in `online_answers`).
 */
export async function checkOnlineAfterCrash(sql: Sql, run: GyRun): Promise<{ findings: Finding[]; acked: number; committedUnanswered: number }> {
  const findings: Finding[] = [];
  const journal = await onlineRows(sql);
  const acked = run.acknowledgedUsage();
  const lost: string[] = [];
  for (const [id, bytes] of acked) {
    const got = journal.get(id);
    if (got === undefined) lost.push(id);
    else if (got !== bytes) findings.push({ code: "used_units_differ", detail: `${id}: journal ${got} octets, reported ${bytes}` });
  }
  if (lost.length > 0) findings.push({ code: "acknowledged_lost", detail: `${lost.length} CCR(s), e.g. ${lost.slice(0, 3).join(" ")}` });
  // In flight at the kill: committed or not, but if committed, with the octets sent.
  const inFlight = new Map(run.unanswered().map((u) => [usedRecordId(u.sessionId, u.requestNumber), u.used]));
  for (const [id, bytes] of journal) {
    const want = acked.get(id) ?? inFlight.get(id);
    if (want === undefined || want === 0) findings.push({ code: "unrequested_charge", detail: `${id}: ${bytes} octets, never reported` });
    else if (!acked.has(id) && want !== bytes) findings.push({ code: "used_units_differ", detail: `${id}: journal ${bytes} octets, reported ${want}` });
  }

  const stored = new Set((await sql.rows<{ session_id: string }>("SELECT session_id FROM online_sessions")).map((r) => r.session_id));
  const states = run.sessionStates();
  const gone = states.open.filter((id) => !stored.has(id) && !states.closing.has(id));
  if (gone.length > 0) findings.push({ code: "open_session_lost", detail: `${gone.length} session(s), e.g. ${gone.slice(0, 3).join(" ")}` });
  const back = states.closed.filter((id) => stored.has(id));
  if (back.length > 0) findings.push({ code: "closed_session_open", detail: `${back.length} session(s), e.g. ${back.slice(0, 3).join(" ")}` });

  const answers = new Set(
    (await sql.rows<{ session_id: string; request_number: unknown }>("SELECT session_id, request_number FROM online_answers")).map(
      (r) => `${num(r.request_number)}#${r.session_id}`,
    ),
  );
  const committedUnanswered = run.unanswered().filter((u) => answers.has(`${u.requestNumber}#${u.sessionId}`)).length;
  return { findings, acked: acked.size, committedUnanswered };
}

/**
 * After the completing run: every session ended (no row left in `online_sessions`), every online
 * row of the journal is an answered report with the octets reported, and the octets charged add
 * up to those the gateway reported and was answered for.
 */
export async function checkOnlineComplete(db: string, run: GyRun): Promise<Finding[]> {
  const sql = await openSql(db);
  try {
    const { findings } = await checkOnlineAfterCrash(sql, run);
    const open = await sql.rows<{ session_id: string }>("SELECT session_id FROM online_sessions");
    if (open.length > 0) findings.push({ code: "sessions_left_open", detail: `${open.length}, e.g. ${open[0]?.session_id}` });
    const journal = await onlineRows(sql);
    const acked = run.acknowledgedUsage();
    const extra = [...journal.keys()].filter((id) => !acked.has(id));
    if (extra.length > 0) findings.push({ code: "unacknowledged_charge", detail: `${extra.length} row(s), e.g. ${extra.slice(0, 3).join(" ")}` });
    let charged = 0;
    for (const b of journal.values()) charged += b;
    let reported = 0;
    for (const b of acked.values()) reported += b;
    if (charged !== reported) findings.push({ code: "octets_differ", detail: `journal ${charged} octets, answered reports ${reported}` });
    return findings;
  } finally {
    await sql.close();
  }
}
