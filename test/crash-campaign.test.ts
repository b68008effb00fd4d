// The crash campaign in CI size: a few SIGKILLs of the real CLI importing usage into SQLite,
// and proof that its checker does see a store that breaks a guarantee.
import assert from "node:assert/strict";
import { test } from "node:test";
import Database from "better-sqlite3";
import { runCampaign } from "../scripts/crash/campaign.ts";
import { checkComplete } from "../scripts/crash/checks.ts";
import { buildReference } from "../scripts/crash/reference.ts";
import { makeWorkload } from "../scripts/crash/workload.ts";
import { tempDir } from "./helpers/temp.ts";

test("three kill -9 iterations of a SQLite usage import break no guarantee", { timeout: 120_000 }, async () => {
  const summary = await runCampaign({ runs: 3, db: "sqlite", mode: "file", lines: 300, seed: 8 });
  assert.deepEqual(summary.violations, []);
  assert.equal(summary.runs, 3);
  assert.ok(summary.kills >= 3, `every iteration kills at least once (${summary.kills} kills)`);
});

test("the checker reports a journal that lost a record or changed an amount", { timeout: 60_000 }, async () => {
  const dir = tempDir();
  const workload = makeWorkload(dir, 40);
  const db = `${dir}/clean.db`;
  const ref = await buildReference(db, workload, `${dir}/rejects.csv`);
  assert.deepEqual(await checkComplete(db, ref), [], "a clean import is its own reference");
  const handle = new Database(db);
  handle.prepare("DELETE FROM usage WHERE seq = (SELECT MAX(seq) FROM usage)").run();
  handle.prepare("UPDATE usage SET amount = amount + 1 WHERE seq = (SELECT MIN(seq) FROM usage WHERE amount > 0)").run();
  handle.close();
  const codes = new Set((await checkComplete(db, ref)).map((f) => f.code));
  for (const code of ["journal_incomplete", "journal_not_prefix", "counters_not_clean_run"]) assert.ok(codes.has(code), `${code} in ${[...codes].join(", ")}`);
});
