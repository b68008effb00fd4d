import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];
// Removed when the test process ends, not by a test hook: a hook registered from inside a
// `before` would run as soon as that hook ends, under a store still in use.
process.on("exit", () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory removed when the test file's process exits. */
export function tempDir(prefix = "gardefou-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export const FIXTURES = new URL("../fixtures/", import.meta.url).pathname;

/** A clock fixed after October 2009, so that the period can be closed. */
export const NOVEMBER_2009 = { now: () => Date.parse("2009-11-02T09:00:00+01:00") };
