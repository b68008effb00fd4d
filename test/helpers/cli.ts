import { spawnSync } from "node:child_process";

const ROOT = new URL("../../", import.meta.url).pathname;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real CLI in its own process, from the sources. */
export function gardefou(args: readonly string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, ["--import", "tsx", `${ROOT}src/cli/run.ts`, ...args], { cwd, encoding: "utf8", timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function json<T>(r: CliResult): T {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
