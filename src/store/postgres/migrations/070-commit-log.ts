import type { Migration } from "./types.ts";

/**
 * The batch ids of recent journal commits (docs/decisions/0018-commit-retry-with-batch-ids.md).
 * Each commit inserts its id first, in its own transaction: when a COMMIT was sent but its answer
 * lost, the retry finds the id and knows the batch landed, instead of writing it a second time.
 * Only a retry reads it, within seconds; rows older than a day are pruned by the commits.
 */
export const commitLog: Migration = {
  name: "070-commit-log",
  sql: `
  CREATE TABLE commit_log (
    batch_id UUID PRIMARY KEY,
    committed_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE INDEX commit_log_at ON commit_log (committed_at);
  `,
};
