import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import type { PartitionedEngine, PartitionedEngineObserver } from "../../app/partitioned-engine.ts";
import type { ChargingEngine } from "../../engine/index.ts";
import { durableName, emptyIngestStats, type NatsIngest, type NatsIngestStats } from "../../ingest/nats/index.ts";
import type { JournalBatch } from "../../store/index.ts";
import { Counter, Gauge, Histogram, labelText, Registry } from "./registry.ts";

type Sample = readonly [Readonly<Record<string, string>>, number];

/** A counter whose value is read at scrape time (a total kept elsewhere), not incremented here. */
class ReadCounter {
  readonly type = "counter";

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly read: () => readonly Sample[],
  ) {}

  render(): string[] {
    return this.read().map(([labels, v]) => `${this.name}${labelText(labels)} ${v}`);
  }
}

export interface LagSource {
  readonly servers: string;
  readonly stream: string;
  /** Durable consumer names are `<prefix>-<partition>`. */
  readonly durablePrefix: string;
  /** How often the consumers' info is read (default 5 s): lag is polled, never counted per message. */
  readonly everyMs?: number;
}

/**
 * The numbers of one engine of a partitioned deployment (`gardefou engine --metrics-port`): its
 * leases, its commits, its consumers' lag. Commits are counted from the engine's `committed`
 * event (which carries the store's commit time); the runner's observer re-attaches to each engine
 * it reopens, and keeps the totals of the NATS consumers it replaced.
 */
export class EngineMetrics {
  readonly registry = new Registry();
  readonly renewals = this.registry.add(new Counter("gardefou_engine_lease_renewals_total", "Lease renewal rounds that reached the store."));
  readonly renewalFailures = this.registry.add(
    new Counter("gardefou_engine_lease_renewal_failures_total", "Lease renewal rounds that failed: the store did not answer, or leases were found taken."),
  );
  readonly taken = this.registry.add(
    new Counter("gardefou_engine_partitions_taken_total", "Partitions this engine took a lease on (at start, or over from a dead engine)."),
  );
  readonly commits = this.registry.add(
    new Histogram(
      "gardefou_engine_commit_seconds",
      "Time the store took to commit one engine batch (one transaction).",
      [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    ),
  );
  readonly records = this.registry.add(
    new Counter("gardefou_engine_records_committed_total", "Usage records committed, by outcome (accepted: journaled; rejected)."),
  );
  private runner: PartitionedEngine | undefined;
  private engine: ChargingEngine | undefined;
  private ingest: NatsIngest | undefined;
  /** Totals of the consumers replaced when the engine reopened on more partitions. */
  private readonly before: NatsIngestStats = emptyIngestStats();
  private lag = new Map<string, number>();
  private lagPrefix = "gardefou";
  private lagAt: number | undefined;
  private lagTimer: NodeJS.Timeout | undefined;
  private lagPolling: Promise<void> = Promise.resolve();
  private nc: NatsConnection | undefined;
  private server: Server | undefined;

  constructor() {
    // Counters start at 0, so that rates and alerts have a series before the first event.
    this.renewals.inc({}, 0);
    this.renewalFailures.inc({}, 0);
    this.taken.inc({}, 0);
    for (const outcome of ["accepted", "rejected"]) this.records.inc({ outcome }, 0);
    this.registry.add(
      new Gauge("gardefou_engine_partitions_held", "Partitions this engine holds a lease on and serves.", () => [[{}, this.runner?.held().length ?? 0]]),
    );
    this.registry.add(
      new Gauge("gardefou_engine_lease_token", "Fencing token of each lease held (it grows with each acquisition of the partition).", () =>
        [...(this.runner?.tokens() ?? [])].sort((a, b) => a[0] - b[0]).map(([p, token]) => [{ partition: String(p) }, token] as const),
      ),
    );
    this.registry.add(
      new Gauge("gardefou_engine_lag_messages", "Messages of a held partition not yet acknowledged: the durable consumer's pending plus ack-pending.", () =>
        this.lagSamples(),
      ),
    );
    this.registry.add(
      new Gauge("gardefou_engine_lag_age_seconds", "Seconds since the consumers' lag was last read from NATS (absent before the first read).", () =>
        this.lagAt === undefined ? [] : [[{}, Math.round((Date.now() - this.lagAt) / 100) / 10]],
      ),
    );
    this.registry.add(
      new ReadCounter("gardefou_engine_messages_total", "Stream messages handled, by outcome (acked after commit; dead_lettered).", () => [
        [{ outcome: "acked" }, this.total("acked")],
        [{ outcome: "dead_lettered" }, this.total("deadLettered")],
      ]),
    );
    this.registry.add(
      new ReadCounter("gardefou_engine_duplicates_total", "Records already in the journal (a redelivery or a re-publication): charged nothing.", () => [
        [{}, this.total("duplicates")],
      ]),
    );
    this.registry.add(new Gauge("gardefou_engine_lines", "Lines the engine holds in memory.", () => [[{}, this.engine?.lines.size ?? 0]]));
    this.registry.add(new Gauge("process_resident_memory_bytes", "Resident memory.", () => [[{}, process.memoryUsage().rss]]));
    this.registry.add(new Gauge("process_uptime_seconds", "Seconds since the process started.", () => [[{}, Math.round(process.uptime())]]));
  }

  /** To pass as the runner's `observer`, before it starts: its first engine opens inside `start`. */
  readonly observer: PartitionedEngineObserver = {
    serving: (engine, ingest, added) => {
      this.engine?.events.off("committed", this.onCommitted);
      engine.events.on("committed", this.onCommitted);
      this.engine = engine;
      if (this.ingest) for (const k of Object.keys(this.before) as (keyof NatsIngestStats)[]) this.before[k] += this.ingest.stats[k];
      this.ingest = ingest;
      this.taken.inc({}, added.length);
    },
    renewed: (outcome) => {
      if ("error" in outcome || outcome.lost > 0) this.renewalFailures.inc();
      else this.renewals.inc();
    },
  };

  private readonly onCommitted = (batch: JournalBatch, seconds?: number): void => {
    if (seconds !== undefined) this.commits.observe({}, seconds);
    if (batch.usage.length > 0) this.records.inc({ outcome: "accepted" }, batch.usage.length);
    if (batch.rejects.length > 0) this.records.inc({ outcome: "rejected" }, batch.rejects.length);
  };

  /** From now on reads the runner's leases at scrape time (and /healthz answers for it); polls its consumers' lag. */
  async attach(runner: PartitionedEngine, lag: LagSource): Promise<void> {
    this.runner = runner;
    this.lagPrefix = lag.durablePrefix;
    this.nc = await connect({ servers: lag.servers, timeout: 5000 });
    const jsm = await jetstreamManager(this.nc);
    const poll = async () => {
      const lagOf = new Map<string, number>();
      for await (const c of jsm.consumers.list(lag.stream)) lagOf.set(c.name, c.num_pending + c.num_ack_pending);
      this.lag = lagOf;
      this.lagAt = Date.now();
    };
    const tick = () => {
      this.lagPolling = poll()
        .catch(() => undefined)
        .finally(() => {
          if (this.nc) this.lagTimer = setTimeout(tick, lag.everyMs ?? 5000);
        });
    };
    tick();
  }

  private lagSamples(): Sample[] {
    const out: Sample[] = [];
    for (const p of this.runner?.held() ?? []) {
      const n = this.lag.get(durableName(this.lagPrefix, p));
      if (n !== undefined) out.push([{ partition: String(p) }, n]);
    }
    return out;
  }

  private total(k: keyof NatsIngestStats): number {
    return this.before[k] + (this.ingest?.stats[k] ?? 0);
  }

  /**
   * Serves `GET /metrics` (Prometheus text format 0.0.4) and `GET /healthz`: 200 while the engine
   * serves, 503 before it is attached and once it has failed (with the stop's code). Plain
   * node:http, an engine has no API to share a server with; unreferenced, so that it never keeps
   * a stopping process alive. Returns `http://host:port`.
   */
  async serve(host: string, port: number): Promise<string> {
    const server = createServer((req, res) => {
      const path = (req.url ?? "/").split("?")[0];
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD" }).end();
      } else if (path === "/metrics") {
        this.registry.text().then(
          (text) => res.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" }).end(text),
          (error: unknown) => res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(`${(error as Error).message}\n`),
        );
      } else if (path === "/healthz") {
        const r = this.runner;
        const body = !r
          ? { status: "starting" }
          : r.failed
            ? { status: "failed", code: r.failed.code, message: r.failed.message }
            : { status: "ok", partitions: r.held().length };
        res.writeHead(body.status === "ok" ? 200 : 503, { "content-type": "application/json" }).end(`${JSON.stringify(body)}\n`);
      } else {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found: GET /metrics or /healthz\n");
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    server.unref();
    this.server = server;
    const address = server.address() as AddressInfo;
    return `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  }

  async close(): Promise<void> {
    const nc = this.nc;
    this.nc = undefined;
    clearTimeout(this.lagTimer);
    await this.lagPolling;
    clearTimeout(this.lagTimer);
    this.engine?.events.off("committed", this.onCommitted);
    await nc?.close();
    const server = this.server;
    this.server = undefined;
    if (server) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    }
  }
}
