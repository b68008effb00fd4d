import { createHash } from "node:crypto";
import type { JetStreamClient, PubAck } from "@nats-io/jetstream";
import { partitionOf } from "../../domain/index.ts";
import { MAX_RECORDS_PER_MESSAGE } from "./batch.ts";
import { subjects } from "./subjects.ts";

export interface PublishOptions {
  /** Records per message (default 1,000). */
  readonly recordsPerMessage?: number;
  /** Messages awaiting the stream's acknowledgement at once. */
  readonly inFlight?: number;
  /**
   * Records held across all partitions before every partial batch is sent (default 64,000):
   * without a bound nothing would leave until some partition had a full message — with 256
   * partitions, a quarter of a million records read before the first one reaches an engine.
   */
  readonly maxBuffered?: number;
  /** Subjects are `<prefix>.<partition>`; `usage` unless a test needs its own. */
  readonly subjectPrefix?: string;
}

export interface PublishReport {
  readonly records: number;
  readonly messages: number;
  /** Messages the stream already had (same id within its duplicate window): a retried publish. */
  readonly duplicates: number;
}

/**
 * The partition of one JSON Lines record: its line_id's. A record that names its line only by
 * IMSI or MSISDN is hashed by that instead, which is right only while one engine owns every
 * partition (docs/storage.md); a record that is not JSON goes to partition 0, where the
 * consumer rejects it with its reason like any bad record.
 */
export function partitionOfRecord(jsonLine: string): number {
  const lineId = plainLineId(jsonLine);
  if (lineId !== undefined) return partitionOf(lineId);
  try {
    const r = JSON.parse(jsonLine) as { line_id?: unknown; imsi?: unknown; msisdn?: unknown };
    const key = [r.line_id, r.imsi, r.msisdn].find((v) => typeof v === "string" || typeof v === "number");
    return key === undefined ? 0 : partitionOf(String(key));
  } catch {
    return 0;
  }
}

const LINE_ID_KEY = '"line_id":"';

/**
 * The line_id of a record read without parsing it, when that is unambiguous: a flat object (no
 * `{` after the first character), the key written once, compact, after `{` or `,`, and a value
 * with no escape. Parsing every record cost the publisher more than all else it does. Anything
 * else takes JSON.parse; a line that only looks like JSON is rejected by the consumer of the
 * partition it lands on, as on partition 0.
 */
function plainLineId(line: string): string | undefined {
  if (line.charCodeAt(0) !== 0x7b || line.indexOf("{", 1) !== -1) return undefined;
  const at = line.indexOf(LINE_ID_KEY);
  if (at < 1 || (line[at - 1] !== "{" && line[at - 1] !== ",")) return undefined;
  const start = at + LINE_ID_KEY.length;
  const end = line.indexOf('"', start);
  if (end < 0 || line.indexOf(LINE_ID_KEY, end) !== -1) return undefined;
  const next = line[end + 1];
  if (next !== "," && next !== "}") return undefined;
  const id = line.slice(start, end);
  return id.includes("\\") ? undefined : id;
}

/**
 * Publishes JSON Lines records on `usage.<partition>`, several per message. Each message's id is
 * the hash of its subject and body, so publishing the same file again is dropped by the stream
 * (within its duplicate window) and, past it, counted as duplicates by the engine.
 */
export async function publishUsage(js: JetStreamClient, lines: Iterable<string>, options: PublishOptions = {}): Promise<PublishReport> {
  const per = Math.min(options.recordsPerMessage ?? 1000, MAX_RECORDS_PER_MESSAGE);
  const on = subjects(options.subjectPrefix);
  const buckets = new Map<number, string[]>();
  let records = 0;
  let messages = 0;
  let duplicates = 0;
  const pending: Promise<PubAck>[] = [];
  const settle = async (all: boolean) => {
    while (pending.length > (all ? 0 : (options.inFlight ?? 64))) {
      const ack = await (pending.shift() as Promise<PubAck>);
      if (ack.duplicate) duplicates++;
    }
  };
  const send = async (partition: number, batch: string[]) => {
    const subject = on.usage(partition);
    const body = `${batch.join("\n")}\n`;
    const msgID = createHash("sha256").update(subject).update("\n").update(body).digest("hex");
    pending.push(js.publish(subject, body, { msgID }));
    messages++;
    await settle(false);
  };
  const bound = Math.max(options.maxBuffered ?? 64_000, 1);
  let buffered = 0;
  // Partial batches go in partition order: the same file and options give the same messages, hence the same ids.
  const flush = async () => {
    for (const [p, bucket] of [...buckets.entries()].sort((a, b) => a[0] - b[0])) await send(p, bucket);
    buckets.clear();
    buffered = 0;
  };
  for (const raw of lines) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "") continue;
    records++;
    const p = partitionOfRecord(line);
    const bucket = buckets.get(p) ?? [];
    bucket.push(line);
    buckets.set(p, bucket);
    buffered++;
    if (bucket.length >= per) {
      buckets.delete(p);
      buffered -= bucket.length;
      await send(p, bucket);
    } else if (buffered >= bound) {
      await flush();
    }
  }
  await flush();
  await settle(true);
  return { records, messages, duplicates };
}
