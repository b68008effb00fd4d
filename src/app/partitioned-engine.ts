import { connect, type NatsConnection } from "@nats-io/transport-node";
import type { Catalog, NetworkDirectory } from "../domain/index.ts";
import { type ChargingEngine, type Clock, OnlineCharging, type OnlineOptions, openEngine, stoppedCode, systemClock } from "../engine/index.ts";
import { LeaseBook } from "../engine/leases/book.ts";
import { NatsIngest } from "../ingest/nats/index.ts";
import { openPostgresStore, PostgresOutbox, type PostgresStore } from "../store/index.ts";
import type { PostgresOpenError } from "../store/postgres/index.ts";
import { leaseFence, PostgresLeases } from "../store/postgres/leases.ts";
import { NoticeDesk } from "./notices.ts";
import { DEFAULT_CATALOG, loadCatalogFile, networkDirectory } from "./reference.ts";
import { ownerHandlers } from "./rpc/owner.ts";
import { DEFAULT_RPC_PREFIX, encode, reauthSubject } from "./rpc/protocol.ts";
import { LineRequestResponder } from "./rpc/responder.ts";

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
  /** Front ends forward a line's requests on `<rpcPrefix>.<partition>` (default gardefou.rpc). */
  readonly rpcPrefix?: string | undefined;
  /** Online charging (Gy) of the requests forwarded here: grant size, validity, final-unit action. */
  readonly online?: Partial<OnlineOptions> | undefined;
  /** Told what happens, for metrics (src/api/metrics/engine-metrics.ts). */
  readonly observer?: PartitionedEngineObserver | undefined;
}

/** Hooks called where things happen, synchronously and never awaited: they must not throw. */
export interface PartitionedEngineObserver {
  /** The engine (re)opened on every held partition, `added` just taken, and consumes them through `ingest`. */
  serving?(engine: ChargingEngine, ingest: NatsIngest, added: readonly number[]): void;
  /** A renewal round: how many leases it renewed and lost, or the store's error. */
  renewed?(outcome: { readonly renewed: number; readonly lost: number } | { readonly error: Error }): void;
}

export type EngineStopCode = "lease_lost" | "lease_expired" | "engine_stopped" | "broker_unreachable" | "store_unavailable";

export type PartitionedStart =
  | { readonly ok: true; readonly runner: PartitionedEngine }
  | {
      readonly ok: false;
      readonly code: PostgresOpenError["code"] | "broker_unreachable";
      readonly message: string;
    };

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
  private online: OnlineCharging | undefined;
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
    private readonly nc: NatsConnection,
    private readonly responder: LineRequestResponder,
  ) {}

  static async start(config: PartitionedEngineConfig): Promise<PartitionedStart> {
    const catalog = loadCatalogFile(config.catalogPath ?? DEFAULT_CATALOG);
    const opened = await openPostgresStore(config.db);
    if (!opened.ok) return opened;
    let nc: NatsConnection;
    try {
      nc = await connect({ servers: config.nats, timeout: 5000 });
    } catch (error) {
      await opened.store.close();
      return { ok: false, code: "broker_unreachable", message: `cannot reach NATS at ${config.nats}: ${(error as Error).message}` };
    }
    const book = new LeaseBook(config.owner, config.leaseSeconds, config.partitions, config.takeover);
    const responder = new LineRequestResponder(nc, config.rpcPrefix ?? DEFAULT_RPC_PREFIX, (m) => config.log(`engine ${config.owner}: requests: ${m}`));
    const leases = new PostgresLeases(opened.store.pool);
    const runner = new PartitionedEngine(config, opened.store, leases, book, catalog, networkDirectory(), nc, responder);
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

  /** Partition → fencing token of the leases held now. */
  tokens(): ReadonlyMap<number, number> {
    return this.book.held;
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
      this.config.observer?.renewed?.({ renewed: still.size, lost: lost.length });
      if (lost.length > 0) await this.fail("lease_lost", `partition(s) ${range(lost)} were taken by another engine`);
    } catch (error) {
      this.config.observer?.renewed?.({ error: error as Error });
      // The store is unreachable: keep trying until the leases may have lapsed, then stop.
      if (this.book.lapsed(Date.now())) await this.fail("lease_expired", `leases could not be renewed: ${(error as Error).message}`);
    }
  }

  /** One round: stop if the engine stopped, take what is free (or orphaned) and serve it. */
  private async step(): Promise<void> {
    const stopped = this.ingest?.failed;
    if (stopped) return this.fail(stoppedCode(stopped) === "store_unavailable" ? "store_unavailable" : "engine_stopped", stopped.message);
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
    const clock = this.config.clock ?? systemClock;
    const engine = await openEngine(this.store, this.catalog, this.networks, clock, { partitions: new Set(partitions) });
    // A period a front end is closing is closed to this engine's billing already; one it starts
    // closing after this read is told by request, answered only from `responder.serve` below.
    for (const p of await this.store.closingPeriods()) engine.markClosed(p);
    this.engine = engine;
    this.online = await this.openOnline(engine, clock);
    const notices = new NoticeDesk(engine, new PostgresOutbox(this.store.pool), clock);
    const deps = { store: this.store, engine, clock, catalog: this.catalog, online: this.online, notices };
    this.responder.serve(partitions, ownerHandlers(deps));
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
    this.config.observer?.serving?.(this.engine, started.ingest, added);
    this.log(`serving ${partitions.length} partition(s) (${range(partitions)}); took ${range(added)}`);
  }

  /**
   * Online charging of the forwarded Gy requests. Re-authorisations (a consent, a new limit) go to
   * the front ends on `<prefix>.reauth`: they hold the gateways' Diameter connections.
   */
  private async openOnline(engine: ChargingEngine, clock: Clock): Promise<OnlineCharging> {
    const online = await OnlineCharging.open(engine, clock, this.config.online);
    const subject = reauthSubject(this.config.rpcPrefix ?? DEFAULT_RPC_PREFIX);
    online.events.on("reauthorise", (target) => this.nc.publish(subject, encode(target)));
    online.startSupervision(60_000);
    return online;
  }

  /** Stops consuming and answering, and lets the engine finish what it accepted. */
  private async quiesce(): Promise<void> {
    this.responder.pause();
    const ingest = this.ingest;
    this.ingest = undefined;
    if (ingest) await ingest.stop();
    await this.engine?.exclusive(async () => undefined).catch(() => undefined);
    this.online?.close();
    this.online = undefined;
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
    await this.responder.stop();
    await this.nc.drain().catch(() => undefined);
    if (!this.failure) await this.leases.release(this.config.owner, this.book.held, this.book.seconds).catch(() => undefined);
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
