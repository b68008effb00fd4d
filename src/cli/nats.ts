import { readFileSync } from "node:fs";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import type { Command } from "commander";
import { UserError } from "../app/index.ts";
import { PARTITIONS, parsePartitionSet } from "../domain/index.ts";
import { stoppedCode } from "../engine/index.ts";
import { ensureStream, interchangeLines, NatsIngest, publishUsage, subjects } from "../ingest/nats/index.ts";
import { type GlobalOptions, withApp } from "./context.ts";
import { json, type Output } from "./output.ts";

interface IngestOptions {
  url: string;
  stream: string;
  partitions: string;
  durable: string;
  subjects: string;
  idleExit?: string;
  json?: boolean;
}

/** `gardefou ingest nats` (consume the usage stream) and `gardefou publish usage` (feed it). */
export function registerNats(program: Command, output: Output, globals: () => GlobalOptions): void {
  program
    .command("ingest")
    .description("consume usage from a stream")
    .command("nats")
    .description("rate and guard usage published on NATS JetStream (subjects usage.<partition>); each message is acknowledged once committed")
    .option("--url <url>", "NATS server", "nats://127.0.0.1:4222")
    .option("--stream <name>", "JetStream stream (created when missing)", "USAGE")
    .option("--partitions <set>", `partitions to consume, e.g. 0-63,128 (of ${PARTITIONS})`, `0-${PARTITIONS - 1}`)
    .option("--durable <prefix>", "durable consumer name prefix", "gardefou")
    .option("--subjects <prefix>", "subject prefix: <prefix>.<partition>", "usage")
    .option("--idle-exit <seconds>", "stop after this long without a message (default: run until SIGINT/SIGTERM)")
    .option("--json", "print the summary as JSON")
    .action(async (opts: IngestOptions) => {
      const set = parsePartitionSet(opts.partitions);
      if (!set.ok) throw new UserError("invalid_option", `--partitions: ${set.message}`);
      const idle = opts.idleExit === undefined ? undefined : Number(opts.idleExit) * 1000;
      if (idle !== undefined && !(idle > 0)) throw new UserError("invalid_option", `--idle-exit must be a number of seconds, not "${opts.idleExit}"`);
      const stats = await withApp(globals(), async (app) => {
        const started = await NatsIngest.start(app.engine, {
          servers: opts.url,
          stream: opts.stream,
          partitions: set.set,
          durablePrefix: opts.durable,
          subjectPrefix: opts.subjects,
          now: () => Date.now(),
        });
        if (!started.ok) throw new UserError(started.code, started.message);
        output.err(`consuming ${opts.stream} on ${opts.url}: ${set.set.length} partition(s)`);
        await untilStopped(started.ingest, idle);
        const result = await started.ingest.stop();
        const failed = started.ingest.failed;
        // `store_unavailable` when the engine stopped because PostgreSQL stayed away too long.
        if (failed)
          throw new UserError(stoppedCode(failed) ?? "ingest_stopped", `stream ingest stopped, unacknowledged messages will be redelivered: ${failed.message}`);
        return result;
      });
      output.out(
        opts.json
          ? json(stats)
          : `messages ${stats.messages}, read ${stats.read}: accepted ${stats.accepted}, duplicates ${stats.duplicates}, rejected ${stats.rejected}, dead-lettered ${stats.deadLettered}${stats.rewound > 0 ? `, ${stats.rewound} left unacknowledged by a previous owner delivered again` : ""}`,
      );
    });

  program
    .command("publish")
    .description("publish records to a stream")
    .command("usage")
    .description("publish a usage file (CSV or JSON Lines) on NATS JetStream, batched by partition")
    .argument("<file>", "usage.csv, usage.jsonl or usage.ndjson")
    .option("--nats <url>", "NATS server", "nats://127.0.0.1:4222")
    .option("--stream <name>", "JetStream stream (created when missing)", "USAGE")
    .option("--per-message <n>", "records per message", "1000")
    .option("--subjects <prefix>", "subject prefix: <prefix>.<partition>", "usage")
    .option("--json", "print the report as JSON")
    .action(async (file: string, opts: { nats: string; stream: string; perMessage: string; subjects: string; json?: boolean }) => {
      const per = Number(opts.perMessage);
      if (!Number.isInteger(per) || per < 1) throw new UserError("invalid_option", `--per-message must be a positive integer, not "${opts.perMessage}"`);
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (error) {
        throw new UserError("file_unreadable", `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? ""}`);
      }
      const nc = await connect({ servers: opts.nats, timeout: 5000 }).catch((error: Error) => {
        throw new UserError("broker_unreachable", `cannot reach NATS at ${opts.nats}: ${error.message}`);
      });
      try {
        await ensureStream(await jetstreamManager(nc), opts.stream, subjects(opts.subjects));
        const report = await publishUsage(jetstream(nc), interchangeLines(file, text), { recordsPerMessage: per, subjectPrefix: opts.subjects });
        output.out(
          opts.json ? json(report) : `published ${report.records} record(s) in ${report.messages} message(s); ${report.duplicates} already in the stream`,
        );
      } finally {
        await nc.drain();
      }
    });
}

/** Resolves on SIGINT/SIGTERM, after `idleMs` without a message, or when the ingest failed. */
function untilStopped(ingest: NatsIngest, idleMs: number | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearInterval(timer);
      process.off("SIGINT", done);
      process.off("SIGTERM", done);
      resolve();
    };
    const timer = setInterval(() => {
      if (ingest.failed || (idleMs !== undefined && ingest.idleMs() >= idleMs)) done();
    }, 100);
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
}
