import type { QuietHours } from "./quiet-hours.ts";

export interface DispatcherOptions {
  /** Rows claimed at once. */
  readonly batchSize: number;
  /** Lines served in parallel; a line's own notices always go one after the other, in order. */
  readonly concurrency: number;
  /** The periodic sweep, for retries and deferred rows (commits wake the dispatcher at once). */
  readonly sweepMs: number;
  /** How long a claim lasts: longer than the slowest send (SMTP waits up to 30 s a reply). */
  readonly claimMs: number;
  readonly maxAttempts: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  readonly perLine: { readonly max: number; readonly windowMs: number };
  readonly quietHours: QuietHours | undefined;
  /** A notice not sent within this long after it was written is stale (an outage's backlog). */
  readonly maxAgeMs: number;
  /** A usage notice whose billing period ended longer ago than this is stale. */
  readonly periodGraceMs: number;
  readonly random: () => number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const DEFAULT_DISPATCHER_OPTIONS: DispatcherOptions = {
  batchSize: 256,
  concurrency: 32,
  sweepMs: 1_000,
  claimMs: 120_000,
  maxAttempts: 12,
  backoffBaseMs: 5_000,
  backoffMaxMs: HOUR,
  perLine: { max: 5, windowMs: HOUR },
  quietHours: undefined,
  maxAgeMs: 3 * DAY,
  periodGraceMs: 7 * DAY,
  random: Math.random,
};

/** Notices that tell of usage: stale once their period is long over. Others (an invoice held) are not. */
export const USAGE_KINDS: ReadonlySet<string> = new Set(["roaming_welcome", "cap_warning", "cap_reached", "allowance_warning", "allowance_used"]);
