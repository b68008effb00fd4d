import { randomUUID } from "node:crypto";
import { type ConsumerMessages, type JetStreamClient, type JsMsg, jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, headers, type NatsConnection } from "@nats-io/transport-node";
import type { ChargingEngine } from "../../engine/index.ts";
import { type DecodedBatch, decodeBatch } from "./batch.ts";
import { ensureConsumer, ensureStream, rewindAbandoned, type Subjects, subjects } from "./subjects.ts";

export interface NatsIngestOptions {
  readonly servers: string;
  readonly stream: string;
  /** Subjects are `<prefix>.<partition>`; `usage` unless a test needs its own. */
  readonly subjectPrefix?: string;
  readonly partitions: readonly number[];
  /** Durable consumer names are `<prefix>-<partition>`. */
  readonly durablePrefix?: string;
  /** Messages of one partition submitted and not yet committed: the back-pressure bound. */
  readonly window?: number;
  /**
   * How long the broker waits for an acknowledgement before redelivering: long enough for a
   * commit under load (a redelivery is harmless, records are idempotent). Default 60 s.
   */
  readonly ackWaitMs?: number;
  readonly now: () => number;
}

export interface NatsIngestStats {
  messages: number;
  /** Messages acknowledged after their records were committed. */
  acked: number;
  read: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  deadLettered: number;
  /** Messages a previous owner had been sent and left unacknowledged, delivered again at start. */
  rewound: number;
}

/** Counts before anything is consumed. */
export function emptyIngestStats(): NatsIngestStats {
  return { messages: 0, acked: 0, read: 0, accepted: 0, duplicates: 0, rejected: 0, deadLettered: 0, rewound: 0 };
}

export type NatsIngestResult =
  | { readonly ok: true; readonly ingest: NatsIngest }
  | { readonly ok: false; readonly code: "broker_unreachable"; readonly message: string };

/**
 * Consumes `usage.<partition>` for a set of partitions, one durable pull consumer each, into the
 * engine. A message is acknowledged only once the engine has committed its records (or dead-
 * lettered it, durably); a crash before that gets it redelivered, and the records' idempotency
 * keys make the redelivery charge nothing twice.
 */
export class NatsIngest {
  readonly stats: NatsIngestStats = emptyIngestStats();
  private readonly iterators: ConsumerMessages[] = [];
  private readonly loops: Promise<void>[] = [];
  private failure: Error | undefined;
  private readonly startedAt: string;
  private lastMessageMs: number;
  private readonly on: Subjects;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly engine: ChargingEngine,
    private readonly options: NatsIngestOptions,
  ) {
    this.startedAt = new Date(options.now()).toISOString();
    this.lastMessageMs = options.now();
    this.on = subjects(options.subjectPrefix);
  }

  static async start(engine: ChargingEngine, options: NatsIngestOptions): Promise<NatsIngestResult> {
    let nc: NatsConnection;
    try {
      nc = await connect({ servers: options.servers, timeout: 5000 });
    } catch (error) {
      return { ok: false, code: "broker_unreachable", message: `cannot reach NATS at ${options.servers}: ${(error as Error).message}` };
    }
    const jsm = await jetstreamManager(nc);
    const on = subjects(options.subjectPrefix);
    await ensureStream(jsm, options.stream, on);
    const ingest = new NatsIngest(nc, jetstream(nc), engine, options);
    const window = options.window ?? 16;
    for (const p of options.partitions) {
      const name = await ensureConsumer(jsm, options.stream, on, options.durablePrefix ?? "gardefou", p, {
        maxAckPending: window * 4,
        ackWaitMs: options.ackWaitMs ?? 60_000,
      });
      // What a previous owner left unacknowledged comes first, in stream order.
      ingest.stats.rewound += await rewindAbandoned(jsm, options.stream, name);
      const consumer = await ingest.js.consumers.get(options.stream, name);
      const messages = await consumer.consume({ max_messages: window });
      ingest.iterators.push(messages);
      ingest.loops.push(ingest.run(messages, window));
    }
    return { ok: true, ingest };
  }

  /** Milliseconds since the last message (for `--idle-exit`). */
  idleMs(): number {
    return this.options.now() - this.lastMessageMs;
  }

  get failed(): Error | undefined {
    return this.failure;
  }

  private async run(messages: ConsumerMessages, window: number): Promise<void> {
    // Submissions resolve in queue order, so a partition's acks follow its stream order.
    const inFlight: Promise<void>[] = [];
    for await (const msg of messages) {
      this.lastMessageMs = this.options.now();
      inFlight.push(this.handle(msg));
      if (inFlight.length >= window) await inFlight.shift();
      if (this.failure) break;
    }
    await Promise.all(inFlight);
  }

  private async handle(msg: JsMsg): Promise<void> {
    const partition = this.on.partitionOf(msg.subject);
    const source = `nats:${this.options.stream}/${msg.seq}`;
    const decoded: DecodedBatch =
      partition === undefined
        ? { ok: false, code: "invalid_subject", message: `${msg.subject} is not ${this.on.prefix}.<partition>` }
        : decodeBatch(msg.data, partition, source);
    this.stats.messages++;
    if (!decoded.ok) return this.deadLetter(msg, partition ?? 0, decoded.code, decoded.message);
    try {
      const result = await this.engine.submit(decoded.records, source, decoded.rejects);
      msg.ack();
      this.stats.acked++;
      this.stats.read += decoded.records.length + decoded.rejects.length;
      this.stats.accepted += result.accepted;
      this.stats.duplicates += result.duplicates;
      this.stats.rejected += result.rejected;
    } catch (error) {
      // The engine refuses everything after a failed commit: stop. The nak hands the message
      // back at once; those still buffered are redelivered when their ack wait lapses.
      msg.nak();
      this.fail(error as Error);
    }
  }

  private async deadLetter(msg: JsMsg, partition: number, code: string, reason: string): Promise<void> {
    const h = headers();
    h.set("Gardefou-Reason-Code", code);
    h.set("Gardefou-Reason", reason);
    h.set("Gardefou-Original-Subject", msg.subject);
    h.set("Gardefou-Original-Seq", String(msg.seq));
    try {
      await this.js.publish(this.on.dead(partition), msg.data, { headers: h, msgID: `dead:${this.options.stream}:${msg.seq}` });
      // Terminated, never redelivered: the reason travels in the dead letter's headers.
      msg.term();
      this.stats.deadLettered++;
    } catch {
      // Not kept yet: let the broker redeliver it later rather than lose it.
      msg.nak(5000);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const it of this.iterators) it.stop();
  }

  /** Stops consuming, waits for what is in flight, records the run as an import, disconnects. */
  async stop(): Promise<NatsIngestStats> {
    for (const it of this.iterators) it.stop();
    await Promise.all(this.loops);
    await this.nc.drain();
    if (!this.failure) {
      await this.engine.store.recordImport({
        importId: randomUUID(),
        source: `nats:${this.options.stream}`,
        startedAt: this.startedAt,
        finishedAt: new Date(this.options.now()).toISOString(),
        read: this.stats.read,
        accepted: this.stats.accepted,
        duplicates: this.stats.duplicates,
        rejected: this.stats.rejected,
        rejectsFile: undefined,
      });
    }
    return { ...this.stats };
  }
}
