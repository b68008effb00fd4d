import type { OnlineBatch, RejectRow, UsageRow } from "../../store/index.ts";
import type { UsageInput } from "../types.ts";

/** What charging one used-units report did: the same three outcomes as an offline record. */
export type ChargeOutcome =
  | { readonly kind: "accepted"; readonly row: UsageRow }
  | { readonly kind: "duplicate" }
  | { readonly kind: "rejected"; readonly reject: RejectRow };

/** Mutable parts of the batch an online step adds to. */
export interface OnlineWrites {
  readonly sessions: OnlineBatch["sessions"][number][];
  readonly closedSessions: string[];
  readonly answers: OnlineBatch["answers"][number][];
}

/**
 * What the engine lends an online step while it runs inside the single-writer queue. Used units
 * go through `charge`, the very path of offline records (decide → journal), so one line has one
 * state and one journal whichever way its usage arrived.
 */
export interface OnlineStepContext {
  charge(record: UsageInput): ChargeOutcome;
  readonly writes: OnlineWrites;
  /** The batch's timestamp (ISO), as stamped on its outbox rows. */
  readonly now: string;
}

/** Synchronous on purpose: it runs between other records of the batch, with no await inside. */
export type OnlineStep = (ctx: OnlineStepContext) => void;

export function emptyWrites(): OnlineWrites {
  return { sessions: [], closedSessions: [], answers: [] };
}

export function hasWrites(w: OnlineWrites): boolean {
  return w.sessions.length + w.closedSessions.length + w.answers.length > 0;
}
