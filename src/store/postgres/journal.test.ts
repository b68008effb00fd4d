import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { freshSchema, postgresSkip } from "../../../test/helpers/servers.ts";
import { manyUsage, usage } from "../contract-fixtures.ts";
import { openPostgresStore } from "./store.ts";

const EMPTY = { usage: [], outbox: [], rejects: [] } as const;

// The COPY sends a whole batch with the statement (journal.ts, EagerCopy): when the server refuses
// it early, megabytes of data are still on their way; the connection must come back clean.
describe("PostgreSQL journal writes", { skip: await postgresSkip() }, () => {
  it("refuses a large batch whole, wherever its conflict is, and the connection goes on", async () => {
    const schema = freshSchema();
    const opened = await openPostgresStore(schema.url, { poolSize: 1 });
    if (!opened.ok) throw new Error(`${opened.code}: ${opened.message}`);
    const store = opened.store;
    try {
      await store.commit({ ...EMPTY, usage: [usage("dup")] });
      const big = manyUsage(30_000, "z");
      await assert.rejects(store.commit({ ...EMPTY, usage: [usage("dup"), ...big] }), /duplicate key/);
      await assert.rejects(store.commit({ ...EMPTY, usage: [...big, usage("dup")] }), /duplicate key/);
      await store.commit({ ...EMPTY, usage: manyUsage(20_000, "ok") });
      const found = await store.findUsage(["dup", "z-0", "z-29999", "ok-0", "ok-19999", 'a"quote', "a\\backslash"]);
      assert.deepEqual([...found.keys()].sort(), ["dup", "ok-0", "ok-19999"]);
    } finally {
      await store.close();
      await schema.drop();
    }
  });

  it("finds record ids that need quoting in an array literal", async () => {
    const schema = freshSchema();
    const opened = await openPostgresStore(schema.url, { poolSize: 1 });
    if (!opened.ok) throw new Error(`${opened.code}: ${opened.message}`);
    const store = opened.store;
    try {
      const ids = ['a"b', "c\\d", "e,f", "{g}", " h ", "NULL", "é😀"];
      await store.commit({ ...EMPTY, usage: ids.map((id) => usage(id)) });
      assert.deepEqual([...(await store.findUsage([...ids, "x"])).keys()].sort(), [...ids].sort());
      assert.deepEqual([...(await store.findUsage(["e,f", "NULL", "nope"])).keys()].sort(), ["NULL", "e,f"]);
    } finally {
      await store.close();
      await schema.drop();
    }
  });
});
