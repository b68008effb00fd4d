import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { App } from "../src/app/index.ts";
import { LINES_HEADER, USAGE_HEADER } from "../src/demo/records.ts";
import { valenciennesLine, valenciennesUsage } from "../src/demo/story.ts";
import { freshSchema, postgresSkip } from "./helpers/servers.ts";
import { NOVEMBER_2009, tempDir } from "./helpers/temp.ts";

/**
 * The anomaly watcher raises its notices after the commits, on its own time: whether they are in
 * the outbox yet when the line is read depends on timing, not on the store. The invoices (with
 * their abnormal-consumption holds) are compared whole.
 */
function core<T extends { notices: readonly { kind: string }[] }>(report: T): T {
  return { ...report, notices: report.notices.filter((n) => n.kind !== "abnormal_usage") };
}

/** The same story through the whole app on each store: the amounts must not depend on where they are kept. */
async function story(location: string) {
  const app = await App.open({ dbPath: location, clock: NOVEMBER_2009 });
  try {
    await app.importLinesText(`${[LINES_HEADER, valenciennesLine()].join("\n")}\n`, "lines.csv");
    const usage = `${[USAGE_HEADER, ...valenciennesUsage()].join("\n")}\n`;
    const first = await app.importUsageText(usage, "csv", "val.csv");
    const again = await app.importUsageText(usage, "csv", "val.csv");
    const before = core(await app.line("VAL-0001", "2009-10"));
    await app.closePeriod("2009-10", "test");
    return { first, again, before, invoices: await app.invoices("2009-10") };
  } finally {
    await app.close();
  }
}

describe("the app on PostgreSQL", { skip: await postgresSkip() }, () => {
  it("rates, guards and invoices the 2009 story exactly as on SQLite, and rebuilds the same state on restart", async () => {
    const schema = freshSchema();
    try {
      const onSqlite = await story(join(tempDir(), "story.db"));
      const onPostgres = await story(schema.url);
      const counts = (r: { read: number; accepted: number; duplicates: number; rejected: number }) => [r.read, r.accepted, r.duplicates, r.rejected];
      assert.deepEqual(counts(onPostgres.first), counts(onSqlite.first));
      assert.deepEqual(counts(onPostgres.again), [onSqlite.first.read, 0, onSqlite.first.accepted, onSqlite.first.rejected], "a replay charges nothing");
      assert.deepEqual(onPostgres.before, onSqlite.before);
      assert.deepEqual(onPostgres.invoices, onSqlite.invoices);
      assert.equal(onPostgres.invoices[0]?.total_excl_tax, "145.00");

      const reopened = await App.open({ dbPath: schema.url, clock: NOVEMBER_2009 });
      try {
        assert.deepEqual(core(await reopened.line("VAL-0001", "2009-10")), onSqlite.before, "counters and notices rebuilt from the journal");
      } finally {
        await reopened.close();
      }
    } finally {
      await schema.drop();
    }
  });

  it("an unreachable server is a coded error at start", async () => {
    await assert.rejects(App.open({ dbPath: "postgres://postgres@127.0.0.1:1/test" }), { code: "store_unreachable" });
  });
});
