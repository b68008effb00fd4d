/**
 * What every submission gets once a commit failed: the engine's memory may be ahead of the store,
 * so it refuses all work until restarted. It keeps the failure's own code when the store gave one
 * of ours (`store_unavailable` after the retry budget, `lease_lost` from a fence), so that the CLI
 * and the stream consumers can say what happened and what to do, not "internal error".
 */
export class EngineStoppedError extends Error {
  readonly code: string | undefined;

  constructor(cause: unknown) {
    super(`engine stopped after a failed commit: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.code = ownCode(cause);
  }
}

/**
 * Our codes are snake_case words; a driver's (SQLSTATE `23505`, errno `ECONNRESET`) are not ours
 * to show as one: such a failure stays uncoded, an internal error.
 */
function ownCode(cause: unknown): string | undefined {
  const code = (cause as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && /^[a-z]+(_[a-z]+)+$/.test(code) ? code : undefined;
}

/** The code a stopped engine carries, if the error is one and has one. */
export function stoppedCode(error: unknown): string | undefined {
  return error instanceof EngineStoppedError ? error.code : undefined;
}
