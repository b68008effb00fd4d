import type { Catalog, NetworkDirectory } from "../domain/index.ts";
import { type ChargingEngine, type Clock, openEngine, systemClock } from "../engine/index.ts";
import { LeaseBook } from "../engine/leases/book.ts";
import { NatsIngest } from "../ingest/nats/index.ts";
import { openPostgresStore, type PostgresStore } from "../store/index.ts";
import { leaseFence, PostgresLeases } from "../store/postgres/leases.ts";
import { DEFAULT_CATALOG, loadCatalogFile, networkDirectory } from "./reference.ts";

export interface PartitionedEngineConfig {
  readonly db: string;
  readonly catalogPath?: string | undefined;
  readonly nats: string;
  readonly stream: string;
  readonly subjectPrefix?: string | undefined;
  readonly durablePrefix?: string | undefined;
  /** Unique per engine process: the leases are held in its name. */
  readonly owner: string;
  /** Partitions this engine serves when they are free. */
  readonly partitions: readonly number[];
  /** Partitions it takes over once their owner's lease lapsed (another engine died). */
  readonly takeover: readonly number[];
  readonly leaseSeconds: number;
  readonly ackWaitMs: number;
  readonly clock?: Clock;
  readonly log: (line: string) => void;
}

export type EngineStopCode = "lease_lost" | "lease_expired" | "engine_stopped" | "broker_unreachable";

export type PartitionedStart =
  | { readonly ok: true; readonly runner: PartitionedEngine }
  | { readonly ok: false; readonly code: "store_unreachable" | "invalid_store_url" | "store_migration_failed"; readonly message: string };

/** How often free or orphaned partitions are looked for: bounds failover beyond the lease itself. */
const POLL_MS = 250;

/**
 * One engine of a partitioned deployment: holds leases on its partitions in PostgreSQL, serves
 * them (engine + NATS consumers of `usage.<p>`), renews, and takes partitions over when their
 * owner's leases lapse. Taking partitions reopens the engine with the larger set, which loads
 * their state from the store; each commit is fenced by the leases' tokens, so an engine that lost
 * a lease without knowing it cannot write past its successor. Losing a lease stops this engine:
 * its memory may then be behind the store, as after any failed commit.
 */
export class PartitionedEngine {
  private engine: ChargingEngine | undefined;
  private ingest: NatsIngest | undefined;
  private timer: NodeJS.Timeout | undefined;
  private renewTimer: NodeJS.Timeout | undefined;
  private renewing = false;
  private lastRenew = 0;
  private failure: { code: EngineStopCode; message: string } | undefined;
  private stopping = false;
  private done: Promise<void> = Promise.resolve();

  private constructor(
    private readonly config: PartitionedEngineConfig,
    readonly store: PostgresStore,
    private readonly leases: PostgresLeases,
    private readonly book: LeaseBook,
    private readonly catalog: Catalog,
    private readonly networks: NetworkDirectory,
  ) {}

  static async start(config: PartitionedEngineConfig): Promise<PartitionedStart> {
    const catalog = loadCatalogFile(config.catalogPath ?? DEFAULT_CATALOG);
    const opened = await openPostgresStore(config.db);
    if (!opened.ok) return opened;
    const book = new LeaseBook(config.owner, config.leaseSeconds, config.partitions, config.takeover);
    const runner = new PartitionedEngine(config, opened.store, new PostgresLeases(opened.store.pool), book, catalog, networkDirectory());
    opened.store.fence = leaseFence(config.owner, () => book.held);
    runner.startRenewing();
    await runner.step();
    runner.schedule();
    return { ok: true, runner };
  }

  /** The partitions served now. */
  held(): number[] {
    return this.book.partitions();
  }

  get failed(): { code: EngineStopCode; message: string } | undefined {
    return this.failure;
  }

  private schedule(): void {
    if (this.stopping || this.failure) return;
    this.timer = setTimeout(() => {
      this.done = this.step()
        .catch((error: unknown) => this.log(`lease step failed: ${(error as Error).message}`))
        .finally(() => this.schedule());
    }, POLL_MS);
  }

  /**
   * Renews on its own timer, never behind `step`: loading the state of newly taken partitions may
   * take longer than a lease, and the leases already held must not lapse meanwhile.
   */
  private startRenewing(): void {
    this.renewTimer = setInterval(
      () => {
        if (this.renewing || this.failure || this.stopping) return;
        this.renewing = true;
        void this.renew().finally(() => {
          this.renewing = false;
        });
      },
      Math.min(POLL_MS, this.book.renewEveryMs),
    );
  }

  /** Renews when due; gives up when the leases were taken or could not be renewed in time. */
  private async renew(): Promise<void> {
    const now = Date.now();
    if (this.book.held.size === 0 || now - this.lastRenew < this.book.renewEveryMs) return;
    const sent = new Map(this.book.held);
    try {
      const still = await this.leases.renew(this.config.owner, sent, this.config.leaseSeconds);
      this.lastRenew = now;
      const lost = this.book.renewed(sent, still, now);
      if (lost.length > 0) await this.fail("lease_lost", `partition(s) ${range(lost)} were taken by another engine`);
    } catch (error) {
      // The store is unreachable: keep trying until the leases may have lapsed, then stop.
      if (this.book.lapsed(Date.now())) await this.fail("lease_expired", `leases could not be renewed: ${(error as Error).message}`);
    }
  }

  /** One round: stop if the engine stopped, take what is free (or orphaned) and serve it. */
  private async step(): Promise<void> {
    if (this.ingest?.failed) return this.fail("engine_stopped", this.ingest.failed.message);
    const request = this.book.request();
    if (request.free.length + request.orphaned.length === 0) return;
    const askedAt = Date.now();
    const grants = await this.leases.acquire(this.config.owner, request, this.config.leaseSeconds);
    const hadNone = this.book.held.size === 0;
    const added = this.book.granted(grants, askedAt);
    if (hadNone && added.length > 0) this.lastRenew = askedAt;
    if (added.length > 0) await this.serve(added);
  }

  /** (Re)opens the engine on every held partition, loading their state, and consumes their subjects. */
  private async serve(added: readonly number[]): Promise<void> {
    await this.quiesce();
    const partitions = this.book.partitions();
    this.engine = await openEngine(this.store, this.catalog, this.networks, this.config.clock ?? systemClock, { partitions: new Set(partitions) });
    const started = await NatsIngest.start(this.engine, {
      servers: this.config.nats,
      stream: this.config.stream,
      subjectPrefix: this.config.subjectPrefix,
      durablePrefix: this.config.durablePrefix,
      partitions,
      ackWaitMs: this.config.ackWaitMs,
      now: () => Date.now(),
    });
    if (!started.ok) return this.fail(started.code, started.message);
    this.ingest = started.ingest;
    this.log(`serving ${partitions.length} partition(s) (${range(partitions)}); took ${range(added)}`);
  }

  /** Stops consuming and lets the engine finish what it accepted. */
  private async quiesce(): Promise<void> {
    const ingest = this.ingest;
    this.ingest = undefined;
    if (ingest) await ingest.stop();
    await this.engine?.exclusive(async () => undefined).catch(() => undefined);
  }

  private async fail(code: EngineStopCode, message: string): Promise<void> {
    this.failure ??= { code, message };
    this.log(`stopping: ${message} [${code}]`);
    clearTimeout(this.timer);
    clearInterval(this.renewTimer);
    await this.quiesce();
  }

  /** A clean stop: finishes in-flight work, then hands the leases back so a successor need not wait. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    clearInterval(this.renewTimer);
    await this.done;
    await this.quiesce();
    if (!this.failure) await this.leases.release(this.config.owner, this.book.held).catch(() => undefined);
    this.book.clear();
    await this.store.close();
  }

  private log(line: string): void {
    this.config.log(`engine ${this.config.owner}: ${line}`);
  }
}

/** "0-127,200" for messages. */
export function range(partitions: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < partitions.length; ) {
    let j = i;
    while (j + 1 < partitions.length && (partitions[j + 1] as number) === (partitions[j] as number) + 1) j++;
    out.push(i === j ? `${partitions[i]}` : `${partitions[i]}-${partitions[j]}`);
    i = j + 1;
  }
  return out.join(",") || "none";
}
