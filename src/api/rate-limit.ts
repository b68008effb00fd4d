/**
 * A token bucket per caller, in process: `capacity` requests at once, refilled at `perSecond`.
 * One process serves the API (the engine is the single writer), so there is nothing to share.
 */
export interface RateLimitOptions {
  readonly capacity: number;
  readonly perSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 200, perSecond: 50 };

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly options: RateLimitOptions,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one token for `key`; when there is none, how many seconds until there is. */
  take(key: string): { ok: true } | { ok: false; retryAfterS: number } {
    const now = this.now();
    const { capacity, perSecond } = this.options;
    const b = this.buckets.get(key) ?? { tokens: capacity, at: now };
    b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * perSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.sweep(now);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterS: Math.ceil((1 - b.tokens) / perSecond) };
  }

  /** Forgets full buckets, so that many one-off callers (or forged tokens) do not grow the map. */
  private sweep(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.options.perSecond >= this.options.capacity) this.buckets.delete(key);
    }
  }
}
