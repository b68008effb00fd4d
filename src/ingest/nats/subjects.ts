import { AckPolicy, DeliverPolicy, JetStreamApiError, type JetStreamManager, RetentionPolicy, StorageType } from "@nats-io/jetstream";
import { PARTITIONS } from "../../domain/index.ts";

/**
 * Subjects: `usage.<partition>` carries batches of usage records (JSON Lines) of the lines
 * hashed into that partition (domain/partition.ts); `usage.dead.<partition>` keeps the
 * messages that could not be read at all, with the reason in their headers. Both live in one
 * stream, so a dead letter is as durable as the usage it replaces.
 */
export interface Subjects {
  readonly prefix: string;
  usage(partition: number): string;
  dead(partition: number): string;
  /** The partition a usage subject carries, or undefined for any other subject. */
  partitionOf(subject: string): number | undefined;
}

/**
 * `prefix` is `usage` in production; tests sharing one server use their own, because two
 * streams may not hold the same subjects.
 */
export function subjects(prefix = "usage", partitions: number = PARTITIONS): Subjects {
  const own = `${prefix}.`;
  return {
    prefix,
    usage: (p) => `${prefix}.${p}`,
    dead: (p) => `${prefix}.dead.${p}`,
    partitionOf: (subject) => {
      const rest = subject.startsWith(own) ? subject.slice(own.length) : "";
      const p = /^\d{1,5}$/.test(rest) ? Number(rest) : Number.NaN;
      return Number.isInteger(p) && p < partitions ? p : undefined;
    },
  };
}

/** The durable consumer of one partition: survives restarts, so its acknowledged position does. */
export const durableName = (prefix: string, partition: number): string => `${prefix}-${String(partition).padStart(3, "0")}`;

/** Within this window a re-published message id is dropped by the stream (the publisher's retry). */
const DUPLICATE_WINDOW_NS = 10 * 60 * 1_000_000_000;

/** Creates the stream when it does not exist; an existing one is left as its operator made it. */
export async function ensureStream(jsm: JetStreamManager, stream: string, on: Subjects = subjects()): Promise<void> {
  try {
    await jsm.streams.info(stream);
  } catch (error) {
    if (!(error instanceof JetStreamApiError)) throw error;
    await jsm.streams.add({
      name: stream,
      subjects: [`${on.prefix}.*`, `${on.prefix}.dead.*`],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      duplicate_window: DUPLICATE_WINDOW_NS,
    });
  }
}

/** Creates (or keeps) the durable pull consumer of a partition, acknowledging explicitly. */
export async function ensureConsumer(
  jsm: JetStreamManager,
  stream: string,
  on: Subjects,
  prefix: string,
  partition: number,
  limits: { readonly maxAckPending: number; readonly ackWaitMs: number },
): Promise<string> {
  const name = durableName(prefix, partition);
  try {
    await jsm.consumers.info(stream, name);
  } catch (error) {
    if (!(error instanceof JetStreamApiError)) throw error;
    await jsm.consumers.add(stream, {
      durable_name: name,
      filter_subject: on.usage(partition),
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: limits.ackWaitMs * 1_000_000,
      max_ack_pending: limits.maxAckPending,
    });
  }
  return name;
}

/**
 * Hands a partition's consumer to a new owner in stream order. Messages delivered to an owner
 * that died (or stopped) without acknowledging them come back only when their ack wait lapses,
 * after whatever the new owner is sent meanwhile: a line's later records would be charged
 * before its earlier ones, and spend its allowance differently than the stream says. When the
 * consumer has such messages, it is made again, same configuration, starting just after its ack
 * floor: everything unacknowledged is delivered again at once, in order. Messages acknowledged
 * above the floor come again too and count as duplicates. Call it only as the partition's fenced
 * owner, before consuming: a stale owner still reading the old consumer loses it.
 * Returns the number of messages that were pending.
 */
export async function rewindAbandoned(jsm: JetStreamManager, stream: string, name: string): Promise<number> {
  const info = await jsm.consumers.info(stream, name);
  if (info.num_ack_pending === 0) return 0;
  const { config } = info;
  await jsm.consumers.delete(stream, name);
  await jsm.consumers.add(stream, {
    ...config,
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: info.ack_floor.stream_seq + 1,
  });
  return info.num_ack_pending;
}
