import { stoppedCode } from "../engine/index.ts";

/** A mistake of the user's (bad file, unknown id, wrong state): a message, never a stack trace. */
export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

/**
 * An engine stopped by a coded store failure (`store_unavailable`: the store stayed out of reach
 * for the whole retry budget) is a coded error, with what to do about it; anything else is
 * returned as it was.
 */
export function codedStop(error: unknown, advice: string): unknown {
  const code = stoppedCode(error);
  return code === undefined ? error : new UserError(code, (error as Error).message, [advice]);
}

/** What to tell whoever imported when the engine stopped under them: nothing is lost, run it again. */
export const RERUN_ADVICE =
  "each batch is committed whole or not at all: run the same import again once the store answers; what was committed counts as duplicates, nothing is charged twice";
