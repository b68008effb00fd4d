/**
 * What an engine knows of its partition leases, without any I/O: which partitions it holds under
 * which fencing token, until when it may still believe so, and what it should ask for next. The
 * store adapter (store/postgres/leases.ts) does the asking; the runner wires the two together.
 */

/** The store side of leases. Expiry is judged by the store's clock, never by an engine's. */
export interface LeasePort {
  /**
   * Takes the partitions of `free` that nobody holds or whose lease expired, and those of
   * `orphaned` whose (someone's) lease expired, or that were released a lease ago and not taken
   * back; each taken partition gets a new, larger token.
   */
  acquire(owner: string, request: LeaseRequest, seconds: number): Promise<Map<number, number>>;
  /** Extends the leases still held under their tokens; returns the partitions still held. */
  renew(owner: string, held: ReadonlyMap<number, number>, seconds: number): Promise<Set<number>>;
  /**
   * Gives the leases back (a clean stop): the partitions' own engine may take them again at once,
   * a standby after `seconds` (time for a restart to come back first).
   */
  release(owner: string, held: ReadonlyMap<number, number>, seconds: number): Promise<void>;
}

export interface LeaseRequest {
  /** Partitions this engine is configured for: taken when free or expired. */
  readonly free: readonly number[];
  /** Partitions it may take over only after their owner's lease lapsed (`--takeover`). */
  readonly orphaned: readonly number[];
}

export class LeaseBook {
  private readonly tokens = new Map<number, number>();
  /** Local time (ms) until which the held leases are surely valid: from the moment we asked. */
  private validUntil = Number.NEGATIVE_INFINITY;

  constructor(
    readonly owner: string,
    readonly seconds: number,
    private readonly wanted: readonly number[],
    private readonly takeover: readonly number[],
  ) {}

  /** Partition → fencing token, for the commit fence. */
  get held(): ReadonlyMap<number, number> {
    return this.tokens;
  }

  /** The sorted partitions held. */
  partitions(): number[] {
    return [...this.tokens.keys()].sort((a, b) => a - b);
  }

  /** Renew well before expiry: a third of the lease, so two renewals may fail before it lapses. */
  get renewEveryMs(): number {
    return (this.seconds * 1000) / 3;
  }

  /** What to ask for now: wanted partitions not held, and takeover candidates not held. */
  request(): LeaseRequest {
    const free = this.wanted.filter((p) => !this.tokens.has(p));
    const wanted = new Set(this.wanted);
    const orphaned = this.takeover.filter((p) => !this.tokens.has(p) && !wanted.has(p));
    return { free, orphaned };
  }

  /** Records grants obtained by a request sent at `askedAt` (local ms); returns the new partitions. */
  granted(grants: ReadonlyMap<number, number>, askedAt: number): number[] {
    const added: number[] = [];
    for (const [p, token] of grants) {
      if (!this.tokens.has(p)) added.push(p);
      this.tokens.set(p, token);
    }
    if (grants.size > 0 && this.tokens.size === grants.size) this.validUntil = askedAt + this.seconds * 1000;
    return added.sort((a, b) => a - b);
  }

  /**
   * Records a renewal of `sent` (a snapshot of `held`) sent at `askedAt`; returns the partitions
   * lost (taken by another engine). Partitions granted while it was in flight are not judged.
   */
  renewed(sent: ReadonlyMap<number, number>, still: ReadonlySet<number>, askedAt: number): number[] {
    const lost = [...sent.keys()].filter((p) => !still.has(p) && this.tokens.get(p) === sent.get(p)).sort((a, b) => a - b);
    for (const p of lost) this.tokens.delete(p);
    this.validUntil = askedAt + this.seconds * 1000;
    return lost;
  }

  /** True when leases are held but could not be renewed in time: stop serving, another may own them. */
  lapsed(now: number): boolean {
    return this.tokens.size > 0 && now >= this.validUntil;
  }

  clear(): void {
    this.tokens.clear();
    this.validUntil = Number.NEGATIVE_INFINITY;
  }
}
