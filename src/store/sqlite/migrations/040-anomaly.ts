import type { Migration } from "./types.ts";

/**
 * Abnormal-consumption dismissals: a person judged a pattern normal for a line, so it is not
 * reported again. Rows are never updated or deleted: a second decision on the same line and code
 * is a second row, and the audit reads them all.
 */
export const anomaly: Migration = {
  name: "040-anomaly",
  sql: `
  CREATE TABLE anomaly_dismissals (
    id INTEGER PRIMARY KEY,
    line_id TEXT NOT NULL,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX anomaly_dismissals_line ON anomaly_dismissals(line_id, code);
  `,
};
