import type { Migration } from "./types.ts";

/**
 * Abnormal-consumption dismissals: a person judged a pattern normal for a line. Rows are never
 * updated or deleted; a second decision is a second row, and the audit reads them all.
 */
export const anomaly: Migration = {
  name: "040-anomaly",
  sql: `
  CREATE TABLE anomaly_dismissals (
    line_id TEXT COLLATE "C" NOT NULL,
    id BIGINT GENERATED ALWAYS AS IDENTITY,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (line_id, id)
  );
  CREATE INDEX anomaly_dismissals_code ON anomaly_dismissals (line_id, code);
  `,
};
