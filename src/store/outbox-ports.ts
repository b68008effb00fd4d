/**
 * The outbox as the notice dispatcher sees it. Rows are written by the engine in the same
 * commit as the usage that caused them (`Store.commit`); this port moves them through their
 * delivery states. A row is `sent` only once every channel it goes to has accepted it.
 */
import type { Period } from "../domain/index.ts";
import type { OutboxRow } from "./ports.ts";

/**
 * pending  written, due now
 * deferred held back by quiet hours or the per-line rate limit, due at `nextAttemptAt`
 * retry    a channel failed in a way that may pass later, due at `nextAttemptAt`
 * sending  claimed by a dispatcher until `claimedUntil` (a crash lets the claim lapse)
 * sent     every channel accepted it (terminal)
 * dead     a channel refused it for good, or the attempts ran out: waits for an operator
 * expired  too old to be worth sending (terminal, replayable)
 */
export const OUTBOX_STATUSES = ["pending", "deferred", "retry", "sending", "sent", "dead", "expired"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** One channel that accepted a notice, with the peer's own id for it. */
export interface Delivery {
  readonly channel: string;
  readonly target: string;
  readonly peerId: string;
  readonly at: string;
}

export interface Attempt {
  readonly at: string;
  readonly channel: string;
  readonly outcome: "accepted" | "failed" | "deferred" | "expired" | "dead" | "replayed";
  readonly code: string | undefined;
  readonly message: string | undefined;
}

export interface OutboxEntry {
  readonly id: number;
  readonly key: string;
  readonly lineId: string;
  readonly accountId: string;
  readonly period: Period;
  readonly kind: string;
  readonly urgent: boolean;
  readonly payload: string;
  readonly createdAt: string;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string | undefined;
  readonly lastError: string | undefined;
  readonly sentAt: string | undefined;
  /** Channels that already accepted this notice: a retry skips them. */
  readonly deliveries: readonly Delivery[];
}

export interface OutboxFilter {
  readonly status?: OutboxStatus | undefined;
  readonly lineId?: string | undefined;
  readonly period?: Period | undefined;
  readonly kind?: string | undefined;
  readonly limit?: number | undefined;
}

/** How an attempt at a claimed row ends. Times are ISO-8601 UTC strings. */
export type Settlement =
  | { readonly status: "sent"; readonly at: string }
  | { readonly status: "retry"; readonly attempts: number; readonly nextAttemptAt: string; readonly error: string }
  | { readonly status: "deferred"; readonly nextAttemptAt: string; readonly reason: string }
  | { readonly status: "dead"; readonly attempts: number; readonly error: string }
  | { readonly status: "expired"; readonly reason: string };

export type ReplayResult =
  | { readonly ok: true; readonly entry: OutboxEntry }
  | { readonly ok: false; readonly code: "unknown_notice" | "notice_not_replayable"; readonly message: string };

export interface OutboxStore {
  /**
   * Claims up to `limit` rows due at `now` (and rows whose claim lapsed), oldest first, marking
   * them `sending` until `claimedUntil`; no other claim gets them meanwhile.
   */
  claimDue(now: string, claimedUntil: string, limit: number): Promise<OutboxEntry[]>;
  /** Records what one channel did with a claimed row (an accepted send is a delivery). */
  recordAttempt(id: number, attempt: Attempt, delivery: Delivery | undefined): Promise<void>;
  /** Ends a claim. */
  settle(id: number, settlement: Settlement): Promise<void>;
  /** Puts a dead or expired row back to `pending` (attempts reset), with who asked. */
  replay(id: number, actor: string, at: string): Promise<ReplayResult>;
  /** Writes a notice that does not come from usage (invoice held, plan migration…). */
  enqueue(row: OutboxRow): Promise<{ readonly inserted: boolean; readonly id: number }>;
  get(id: number): Promise<OutboxEntry | undefined>;
  attempts(id: number): Promise<Attempt[]>;
  list(filter: OutboxFilter): Promise<OutboxEntry[]>;
  /** Rows per status, for health and the CLI summary. */
  counts(): Promise<Partial<Record<OutboxStatus, number>>>;
}
