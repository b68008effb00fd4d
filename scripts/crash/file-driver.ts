import { join } from "node:path";
import type { Finding } from "./checks.ts";
import { type ChildOutcome, lastJson, runCli } from "./child.ts";
import type { Driver } from "./driver.ts";
import type { Reference } from "./reference.ts";
import type { Workload } from "./workload.ts";

interface Report {
  read: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

/** `gardefou import usage FILE --json`: acknowledges only at the end, with its counts. */
export function fileDriver(workload: Workload, ref: Reference, dir: string): Driver {
  const args = (db: string) => ["--db", db, "import", "usage", workload.usagePath, "--json", "--rejects", join(dir, "rejects.csv")];
  return {
    prepare: async () => undefined,
    run: (db, options) => runCli(args(db), options ?? {}),
    // The import prints nothing until it is done: a killed import acknowledged nothing.
    acknowledged: async () => [],
    complete: async (db, journalRows) => {
      const outcome = await runCli(args(db));
      return checkReport(outcome, workload, ref, journalRows);
    },
    dispose: async () => undefined,
  };
}

/**
 * The completing run's report: everything read is accounted for, and "accepted" is exactly what
 * was missing from the journal — what a kill lost unacknowledged, charged now and only now.
 */
export function checkReport(outcome: ChildOutcome, workload: Workload, ref: Reference, journalRows: number): Finding[] {
  const report = lastJson<Report>(outcome);
  if (outcome.code !== 0 || !report) return [{ code: "run_failed", detail: `exit ${outcome.code}: ${outcome.stderr.trim().slice(-300)}` }];
  const findings: Finding[] = [];
  if (report.read !== report.accepted + report.duplicates + report.rejected) findings.push({ code: "read_not_accounted", detail: JSON.stringify(report) });
  if (report.read !== workload.rows) findings.push({ code: "read_short", detail: `read ${report.read} of ${workload.rows}` });
  if (report.rejected !== ref.report.rejected) findings.push({ code: "rejected_differs", detail: `${report.rejected}, clean run ${ref.report.rejected}` });
  if (report.accepted !== ref.records - journalRows)
    findings.push({ code: "accepted_mismatch", detail: `accepted ${report.accepted}, missing before the run ${ref.records - journalRows}` });
  return findings;
}
