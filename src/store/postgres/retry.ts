/**
 * Riding out a PostgreSQL restart or failover: what counts as the connection failing (as opposed
 * to the statement being refused), and the bounded retry around the calls that may repeat.
 * docs/decisions/0018-commit-retry-with-batch-ids.md.
 */

/** Default budget: a restart or a failover to a replica takes seconds, rarely more. */
export const DEFAULT_RETRY_BUDGET_MS = 30_000;
/** Overrides the default budget (seconds, decimals allowed; 0: fail at the first loss). */
export const RETRY_ENV = "GARDEFOU_PG_RETRY_SECONDS";

const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 2_000;

/**
 * SQLSTATE class 08 (connection exception); 57P01 admin shutdown, 57P02 crash shutdown, 57P03
 * cannot connect now (starting up, shutting down): the server or the way to it went away.
 */
const SERVER_GONE = new Set(["57P01", "57P02", "57P03"]);
const SOCKET_GONE = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "ECONNABORTED", "EHOSTUNREACH", "ENETUNREACH", "ENETDOWN"]);
/** What `pg` and `pg-pool` say, without a code, when the socket closed or never opened. */
const GONE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|encountered a connection error and is not queryable/i;

/**
 * True when the failure says nothing about the statement, only that the connection is gone: the
 * work may be tried again on a new one. Constraint violations, a fence refusal, a pool closed on
 * purpose are not.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (code.startsWith("08") || SERVER_GONE.has(code) || SOCKET_GONE.has(code))) return true;
  return GONE_MESSAGE.test(error.message);
}

/** The store stayed out of reach for the whole retry budget; nothing of the failed work is stored. */
export class StoreUnavailableError extends Error {
  readonly code = "store_unavailable";
}

export interface RetryPolicy {
  /** How long, from the first failure, attempts go on before giving up. */
  readonly budgetMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

/**
 * Runs `attempt` (told its number, 0 first) until it succeeds, fails otherwise than by the
 * connection, or the budget is spent: then `StoreUnavailableError`. Waits double from 100 ms up to
 * 2 s between attempts, so a server coming back is found within 2 s without being hammered.
 */
export async function retrying<T>(what: string, policy: RetryPolicy, attempt: (n: number) => Promise<T>): Promise<T> {
  const now = policy.now ?? Date.now;
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let firstFailure: number | undefined;
  let delay = FIRST_DELAY_MS;
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      firstFailure ??= now();
      const left = policy.budgetMs - (now() - firstFailure);
      if (left <= 0) {
        const reason = (error as Error).message || (error as { code?: string }).code;
        throw new StoreUnavailableError(
          `PostgreSQL unreachable for ${seconds(now() - firstFailure)} s (${n + 1} attempt(s) to ${what}, budget ${seconds(policy.budgetMs)} s): ${reason}`,
          { cause: error },
        );
      }
      await sleep(Math.min(delay, left));
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  }
}

/** The budget: the option when given, else `GARDEFOU_PG_RETRY_SECONDS`, else 30 s; undefined when the variable is not a number ≥ 0. */
export function retryBudgetMs(option: number | undefined, env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (option !== undefined) return option >= 0 ? option : undefined;
  const text = env[RETRY_ENV];
  if (text === undefined || text.trim() === "") return DEFAULT_RETRY_BUDGET_MS;
  const s = Number(text);
  return Number.isFinite(s) && s >= 0 ? Math.round(s * 1000) : undefined;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}
