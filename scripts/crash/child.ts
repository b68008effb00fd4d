import { spawn } from "node:child_process";

const ROOT = new URL("../../", import.meta.url).pathname;
const CLI = `${ROOT}src/cli/run.ts`;

export interface ChildOutcome {
  /** True when our SIGKILL ended it; false when it exited on its own first. */
  readonly killed: boolean;
  /** True when the kill or `during` happened while it still ran. */
  readonly interrupted: boolean;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/**
 * Runs the real CLI (from the sources, as `gardefou` would) in its own process. With `killAfterMs`
 * it gets SIGKILL — no handler, no flush, no close — at that moment unless it ended before;
 * `during` runs at that moment instead of the kill when given (a database restart). Aborting
 * `signal` stops it with SIGTERM, aborting `kill` kills it. `onStderr` sees standard error as it comes.
 */
export function runCli(
  args: readonly string[],
  options: { killAfterMs?: number; during?: () => Promise<void>; signal?: AbortSignal; kill?: AbortSignal; onStderr?: (text: string) => void } = {},
): Promise<ChildOutcome> {
  const started = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (s: string) => {
    stdout += s;
  });
  child.stderr.setEncoding("utf8").on("data", (s: string) => {
    stderr += s;
    options.onStderr?.(s);
  });
  let killed = false;
  let interrupted = false;
  const timer =
    options.killAfterMs === undefined
      ? undefined
      : setTimeout(() => {
          if (child.exitCode !== null) return;
          interrupted = true;
          if (options.during) {
            options.during().catch((error: Error) => {
              stderr += `\n[campaign] ${error.message}`;
            });
            return;
          }
          killed = child.kill("SIGKILL");
        }, options.killAfterMs);
  // A server runs until told to stop: SIGTERM, its orderly shutdown (not a crash) — or until
  // `kill`, the same SIGKILL as `killAfterMs` at a moment the caller picks.
  options.signal?.addEventListener("abort", () => {
    if (child.exitCode === null && !killed) child.kill("SIGTERM");
  });
  options.kill?.addEventListener("abort", () => {
    if (child.exitCode !== null) return;
    interrupted = true;
    killed = child.kill("SIGKILL");
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      if (timer) clearTimeout(timer);
      resolve({ killed, interrupted, code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** The CLI's `--json` output (the whole of standard output, one JSON document). */
export function lastJson<T>(outcome: ChildOutcome): T | undefined {
  const text = outcome.stdout.trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
