import type { Migration } from "./types.ts";

/**
 * Periods being closed while partitioned engines run (docs/deployment.md, Closing a month). The
 * row is written before the engines are told, so that an engine opening meanwhile (a restart, a
 * takeover) bills the period's late usage into the next one like those told; the close's own
 * transaction, which writes `periods` and the invoices, deletes it. A row left behind is a close
 * that did not finish: running it again completes it.
 */
export const periodsClosing: Migration = {
  name: "080-periods-closing",
  sql: `
  CREATE TABLE periods_closing (
    period TEXT COLLATE "C" PRIMARY KEY,
    since TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  `,
};
