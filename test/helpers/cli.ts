import { spawn, spawnSync } from "node:child_process";

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

/**
 * The same without blocking this process, for tests that serve something to the CLI meanwhile
 * (a proxy in front of PostgreSQL); `env` is added to the environment.
 */
export function gardefouAsync(args: readonly string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  const child = spawn(process.execPath, ["--import", "tsx", `${ROOT}src/cli/run.ts`, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (s: string) => {
    stdout += s;
  });
  child.stderr.setEncoding("utf8").on("data", (s: string) => {
    stderr += s;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
