import type pg from "pg";
import { partitionOf } from "../../domain/index.ts";
import type { LeasePort, LeaseRequest } from "../../engine/leases/book.ts";
import type { JournalBatch } from "../ports.ts";
import { int } from "./mapping.ts";

/** What a transaction about to be fenced writes. */
export interface FenceScope {
  /** The partitions of the lines it writes (none: rejects only). */
  readonly partitions: readonly number[];
  /** True when it charges: usage rows, or online answers that grant or debit units. */
  readonly charges: boolean;
}

/** What a journal batch writes, for its fence. */
export function scopeOf(batch: JournalBatch): FenceScope {
  return { partitions: partitionsOf(batch), charges: batch.usage.length > 0 || (batch.online?.answers.length ?? 0) > 0 };
}

/**
 * Checked inside a transaction that writes a line's state (a journal batch, a consent), before
 * anything is written: throws to roll it back.
 */
export type CommitFence = (client: pg.PoolClient, scope: FenceScope) => Promise<void>;

/** A commit refused because this engine no longer holds a partition it writes. */
export class LeaseLostError extends Error {
  readonly code = "lease_lost";
}

/** Partition leases in `partition_leases` (migration 060-leases). */
export class PostgresLeases implements LeasePort {
  constructor(private readonly pool: pg.Pool) {}

  async acquire(owner: string, request: LeaseRequest, seconds: number): Promise<Map<number, number>> {
    if (request.free.length + request.orphaned.length === 0) return new Map();
    // The rows are locked in partition order first, so that two engines acquiring overlapping
    // sets (or a fenced commit holding some of them) cannot deadlock; the UPDATE then re-checks.
    const { rows } = await this.pool.query<{ partition: number; token: string }>(
      `UPDATE partition_leases l SET owner = $1, token = l.token + 1, expires_at = now() + make_interval(secs => $4)
       FROM (SELECT partition FROM partition_leases
             WHERE (partition = ANY($2::int[]) AND (owner IS NULL OR expires_at <= now()))
                OR (partition = ANY($3::int[]) AND expires_at <= now())
             ORDER BY partition FOR UPDATE SKIP LOCKED) free
       WHERE l.partition = free.partition
       RETURNING l.partition, l.token`,
      [owner, request.free, request.orphaned, seconds],
    );
    return new Map(rows.map((r) => [r.partition, int(r.token, "partition_leases.token")]));
  }

  async renew(owner: string, held: ReadonlyMap<number, number>, seconds: number): Promise<Set<number>> {
    if (held.size === 0) return new Set();
    const [partitions, tokens] = columns(held);
    // Held means: still ours under the same token. A lease that lapsed but was not taken by
    // anyone is still ours to extend; once another engine took it, its token moved on.
    const { rows } = await this.pool.query<{ partition: number }>(
      `UPDATE partition_leases l SET expires_at = now() + make_interval(secs => $4)
       FROM unnest($2::int[], $3::int8[]) AS f(partition, token)
       WHERE l.partition = f.partition AND l.token = f.token AND l.owner = $1
       RETURNING l.partition`,
      [owner, partitions, tokens, seconds],
    );
    return new Set(rows.map((r) => r.partition));
  }

  async release(owner: string, held: ReadonlyMap<number, number>, seconds: number): Promise<void> {
    if (held.size === 0) return;
    const [partitions, tokens] = columns(held);
    // Free at once for the partitions' own engine coming back; open to a standby (`orphaned`)
    // one lease later. A partition never leased has no expiry: a standby never takes it, it
    // waits for the engine configured for it.
    await this.pool.query(
      `UPDATE partition_leases l SET owner = NULL, expires_at = now() + make_interval(secs => $4)
       FROM unnest($2::int[], $3::int8[]) AS f(partition, token)
       WHERE l.partition = f.partition AND l.token = f.token AND l.owner = $1`,
      [owner, partitions, tokens, seconds],
    );
  }
}

function columns(held: ReadonlyMap<number, number>): [number[], number[]] {
  const partitions = [...held.keys()].sort((a, b) => a - b);
  return [partitions, partitions.map((p) => held.get(p) as number)];
}

/** The partitions a batch writes: its usage, notices and online sessions, by line. */
export function partitionsOf(batch: JournalBatch): number[] {
  const out = new Set<number>();
  for (const u of batch.usage) out.add(partitionOf(u.lineId));
  for (const o of batch.outbox) out.add(partitionOf(o.lineId));
  for (const s of batch.online?.sessions ?? []) out.add(partitionOf(s.lineId));
  return [...out].sort((a, b) => a - b);
}

/**
 * The fence of an engine holding `held()` leases: every partition the batch writes must still
 * be leased to `owner` under the token this engine got. The rows are read `FOR SHARE`: a takeover
 * (an UPDATE of the same rows) waits for this transaction, or this transaction sees the new token
 * and fails — so a stale owner's batch is either wholly before the takeover or not at all. A
 * batch that writes no line (only rejects) is checked against every lease held.
 */
export function leaseFence(owner: string, held: () => ReadonlyMap<number, number>): CommitFence {
  return async (client, scope) => {
    const tokens = held();
    const touched = scope.partitions;
    const check = touched.length > 0 ? touched : [...tokens.keys()].sort((a, b) => a - b);
    const notHeld = check.filter((p) => !tokens.has(p));
    if (notHeld.length > 0 || check.length === 0) throw new LeaseLostError(`no lease on partition(s) ${notHeld.join(", ") || "(none held)"}`);
    const { rows } = await client.query<{ partition: number }>(
      `SELECT l.partition FROM partition_leases l JOIN unnest($2::int[], $3::int8[]) AS f(partition, token)
         ON l.partition = f.partition AND l.token = f.token AND l.owner = $1
       ORDER BY l.partition FOR SHARE OF l`,
      [owner, check, check.map((p) => tokens.get(p) as number)],
    );
    if (rows.length !== check.length) {
      const kept = new Set(rows.map((r) => r.partition));
      throw new LeaseLostError(`lease lost on partition(s) ${check.filter((p) => !kept.has(p)).join(", ")}: another engine owns them now`);
    }
  };
}
