import { hostname } from "node:os";
import type { Command } from "commander";
import { UserError } from "../app/index.ts";
import { PartitionedEngine } from "../app/partitioned-engine.ts";
import { DEFAULT_RPC_PREFIX } from "../app/rpc/protocol.ts";
import { PARTITIONS, parsePartitionSet } from "../domain/index.ts";
import { isPostgresUrl } from "../store/index.ts";
import type { GlobalOptions } from "./context.ts";
import type { Output } from "./output.ts";

interface EngineOptions {
  nats: string;
  stream: string;
  partitions: string;
  owner?: string;
  leaseSeconds: string;
  takeover?: boolean;
  durable: string;
  subjects: string;
  ackWaitSeconds?: string;
  rpcPrefix: string;
  metricsPort?: string;
  metricsHost: string;
}

const ALL = Array.from({ length: PARTITIONS }, (_, p) => p);

/** `gardefou engine`: one engine of a partitioned deployment (leases in PostgreSQL, usage from NATS). */
export function registerEngine(program: Command, output: Output, globals: () => GlobalOptions): void {
  program
    .command("engine")
    .description("run one engine: lease partitions in PostgreSQL, consume usage.<partition> from NATS, take over dead engines' partitions")
    .option("--nats <url>", "NATS server", "nats://127.0.0.1:4222")
    .option("--stream <name>", "JetStream stream (created when missing)", "USAGE")
    .option("--partitions <set>", `partitions to serve, e.g. 0-84, or "all" (of ${PARTITIONS}); "all" also takes over`, "all")
    .option("--owner <name>", "this engine's name in the lease table (default host:pid)")
    .option("--lease-seconds <n>", "lease duration: a dead engine's partitions move after at most this long", "10")
    .option("--takeover", "also take any partition whose owner's lease lapsed (another engine died) or that was released a lease ago and not taken back")
    .option("--durable <prefix>", "durable consumer name prefix (shared by all engines)", "gardefou")
    .option("--subjects <prefix>", "subject prefix: <prefix>.<partition>", "usage")
    .option("--rpc-prefix <subject>", "answer front ends' forwarded requests on <prefix>.<partition> for the partitions held", DEFAULT_RPC_PREFIX)
    .option(
      "--ack-wait-seconds <n>",
      "redelivery delay of a message left unacknowledged by a live engine (a dead engine's come back at once, to its successor) (default: the lease)",
    )
    .option("--metrics-port <port>", "serve GET /metrics (Prometheus) and /healthz on this port (0: any free port; default: none)")
    .option("--metrics-host <address>", "address the metrics port listens on", "127.0.0.1")
    .action(async (opts: EngineOptions) => {
      const db = globals().db;
      if (!isPostgresUrl(db)) throw new UserError("invalid_option", "gardefou engine needs --db postgres://…: leases live in PostgreSQL");
      const all = opts.partitions.trim() === "all";
      const set = all ? { ok: true as const, set: ALL } : parsePartitionSet(opts.partitions);
      if (!set.ok) throw new UserError("invalid_option", `--partitions: ${set.message}`);
      const leaseSeconds = positive(opts.leaseSeconds, "--lease-seconds");
      // A dead engine's in-flight messages come back after the ack wait: as long as the lease, they
      // return about when their partitions move. A commit slower than that only causes a
      // redelivery, which the records' ids make harmless.
      const ackWait = opts.ackWaitSeconds === undefined ? leaseSeconds : positive(opts.ackWaitSeconds, "--ack-wait-seconds");
      // Listening first: a port in use fails before any lease is taken; /healthz says 503 until serving.
      const metrics = opts.metricsPort === undefined ? undefined : await startMetrics(opts.metricsHost, opts.metricsPort, output);
      const started = await PartitionedEngine.start({
        db,
        catalogPath: globals().catalog,
        nats: opts.nats,
        stream: opts.stream,
        subjectPrefix: opts.subjects,
        durablePrefix: opts.durable,
        owner: opts.owner ?? `${hostname()}:${process.pid}`,
        partitions: set.set,
        takeover: all || opts.takeover ? ALL : [],
        leaseSeconds,
        ackWaitMs: ackWait * 1000,
        rpcPrefix: opts.rpcPrefix,
        log: (line) => output.err(line),
        observer: metrics?.observer,
      });
      if (!started.ok) throw new UserError(started.code, started.message);
      const runner = started.runner;
      await metrics?.attach(runner, { servers: opts.nats, stream: opts.stream, durablePrefix: opts.durable });
      await new Promise<void>((resolve) => {
        const done = () => {
          clearInterval(timer);
          process.off("SIGINT", done);
          process.off("SIGTERM", done);
          resolve();
        };
        const timer = setInterval(() => runner.failed && done(), 200);
        process.once("SIGINT", done);
        process.once("SIGTERM", done);
      });
      await runner.stop();
      await metrics?.close();
      if (runner.failed) throw new UserError(runner.failed.code, runner.failed.message);
    });
}

async function startMetrics(host: string, portText: string, output: Output) {
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UserError("invalid_option", `--metrics-port must be a port number, not "${portText}"`);
  const { EngineMetrics } = await import("../api/metrics/engine-metrics.ts");
  const metrics = new EngineMetrics();
  const url = await metrics.serve(host, port).catch((error: unknown) => {
    throw new UserError("invalid_option", `--metrics-port: cannot listen on ${host}:${port}: ${(error as Error).message}`);
  });
  output.err(`engine metrics on ${url}/metrics`);
  return metrics;
}

function positive(text: string, option: string): number {
  const n = Number(text);
  if (!(n > 0)) throw new UserError("invalid_option", `${option} must be a positive number of seconds, not "${text}"`);
  return n;
}
