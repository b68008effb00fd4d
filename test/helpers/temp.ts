import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";

/** A fresh directory removed when the test file ends. */
export function tempDir(prefix = "gardefou-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const FIXTURES = new URL("../fixtures/", import.meta.url).pathname;

/** A clock fixed after October 2009, so that the period can be closed. */
export const NOVEMBER_2009 = { now: () => Date.parse("2009-11-02T09:00:00+01:00") };
