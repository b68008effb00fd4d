import type { Finding } from "./checks.ts";
import type { ChildOutcome } from "./child.ts";
import type { Sql } from "./sql.ts";

/** One kind of workload the campaign crashes: a file import or a stream ingest. */
export interface Driver {
  /** Sets up what the workload consumes for one iteration (e.g. publishes the stream). */
  prepare(): Promise<void>;
  /** Starts the workload in a child process, killed after `killAfterMs` when given. */
  run(db: string, options?: { killAfterMs?: number; during?: () => Promise<void> }): Promise<ChildOutcome>;
  /** Record ids the workload has acknowledged so far (checked against the journal after a kill). */
  acknowledged(sql: Sql): Promise<string[]>;
  /**
   * Runs the workload to completion on a store that already holds `journalRows` rows and checks
   * what the completing run reported.
   */
  complete(db: string, journalRows: number): Promise<Finding[]>;
  dispose(): Promise<void>;
}
