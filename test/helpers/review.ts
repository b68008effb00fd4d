import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { main } from "../../src/cli/main.ts";
import { LINES_HEADER, USAGE_HEADER } from "../../src/demo/records.ts";
import type { CliResult } from "./cli.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

/** The real CLI in its own process, without blocking: independent refusals run side by side. */
export function gardefouAsync(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", `${ROOT}src/cli/run.ts`, ...args],
      { cwd: ROOT, encoding: "utf8", timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * The CLI's own entry point in this process (commander, the commands, the exit-code mapping),
 * without a process start: for the long tables of refusals.
 */
export async function gardefouHere(args: readonly string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** Everything the review desk could write, as one string: equal before and after means nothing changed. */
export function snapshot(db: string): string {
  const handle = new Database(db, { readonly: true });
  try {
    const tables = [
      "lines",
      "invoices",
      "invoice_events",
      "credit_notes",
      "payment_plans",
      "payment_instalments",
      "contact_attempts",
      "plan_changes",
      "outbox",
    ];
    return JSON.stringify(tables.map((t) => [t, handle.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
  } finally {
    handle.close();
  }
}

/** Writes a lines file and a usage file of the demo's shape into `dir`. */
export function storyFiles(dir: string, name: string, lines: readonly string[], usage: readonly string[], linesHeader = LINES_HEADER) {
  const linesFile = join(dir, `${name}-lines.csv`);
  const usageFile = join(dir, `${name}-usage.csv`);
  writeFileSync(linesFile, `${[linesHeader, ...lines].join("\n")}\n`);
  writeFileSync(usageFile, `${[USAGE_HEADER, ...usage].join("\n")}\n`);
  return { linesFile, usageFile };
}
