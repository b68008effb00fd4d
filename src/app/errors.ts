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
