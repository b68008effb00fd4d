import { randomBytes } from "node:crypto";
import { AckPolicy, DeliverPolicy, type JetStreamManager, jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { PARTITIONS } from "../../src/domain/index.ts";
import { durableName } from "../../src/ingest/nats/index.ts";
import type { Finding } from "./checks.ts";
import { lastJson, runCli } from "./child.ts";
import type { Driver } from "./driver.ts";
import type { Reference } from "./reference.ts";
import type { Workload } from "./workload.ts";

export const NATS_URL = process.env.GARDEFOU_TEST_NATS ?? "nats://127.0.0.1:4222";

/**
 * The product's ack wait is 60 s; the campaign creates the consumers itself (the ingest keeps
 * an existing consumer as it is) with a short one, so that what a killed engine held unacked
 * comes back within seconds instead of a minute per iteration.
 */
const ACK_WAIT_MS = 2000;
const IDLE_EXIT_S = "3";
/** What an uninterrupted ingest spends waiting before it exits. */
export const IDLE_TAIL_MS = 3000;

interface IngestStats {
  messages: number;
  read: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

/**
 * A stream of its own for one iteration: the workload published into it once with `gardefou
 * publish usage`, its 256 durable consumers created by the campaign, and what the broker holds as
 * acknowledged. Shared by the stream mode (one `ingest nats`) and the engines mode (`gardefou engine`).
 */
export interface PublishedStream {
  readonly stream: string;
  readonly prefix: string;
  readonly durable: string;
  /** Publishes the workload, creates the consumers and reads the messages back. */
  publish(): Promise<void>;
  /** Record ids of every message at or below its consumer's ack floor. */
  acknowledged(): Promise<string[]>;
  /** Messages not yet delivered or delivered and not acknowledged, over every consumer. */
  outstanding(): Promise<number>;
  dispose(): Promise<void>;
}

export async function publishedStream(workload: Workload, ref: Reference): Promise<PublishedStream> {
  const id = randomBytes(4).toString("hex");
  const stream = `CRASH_${id}`;
  const prefix = `crash${id}.usage`;
  const durable = `crash${id}`;
  const nc: NatsConnection = await connect({ servers: NATS_URL, timeout: 5000 });
  const jsm = await jetstreamManager(nc);
  /** stream sequence → partition and record ids, read back once after publishing. */
  const messages = new Map<number, { partition: number; ids: string[] }>();
  return {
    stream,
    prefix,
    durable,
    publish: async () => {
      const published = await runCli([
        "publish",
        "usage",
        workload.usagePath,
        "--nats",
        NATS_URL,
        "--stream",
        stream,
        "--subjects",
        prefix,
        "--per-message",
        "200",
        "--json",
      ]);
      if (published.code !== 0) throw new Error(`publish failed: ${published.stderr}`);
      await addConsumers(jsm, stream, prefix, durable);
      await readBack(jsm, stream, prefix, messages);
    },
    acknowledged: async () => {
      const ids: string[] = [];
      const floors = new Map<number, number>();
      for (let p = 0; p < PARTITIONS; p++) floors.set(p, (await jsm.consumers.info(stream, durableName(durable, p))).ack_floor.stream_seq);
      for (const [seq, m] of messages) if (seq <= (floors.get(m.partition) ?? 0)) ids.push(...m.ids.filter((r) => known(ref, r)));
      return ids;
    },
    outstanding: () => outstanding(jsm, stream, durable),
    dispose: async () => {
      await jsm.streams.delete(stream).catch(() => undefined);
      await nc.close();
    },
  };
}

/**
 * `gardefou publish usage` once per iteration into a stream of its own, then `gardefou ingest
 * nats` killed and restarted. A message is acknowledged once the broker's ack floor of its
 * consumer has passed it: its records must then be in the journal.
 */
export async function streamDriver(workload: Workload, ref: Reference): Promise<Driver> {
  const s = await publishedStream(workload, ref);
  const args = (db: string) => ["--db", db, "ingest", "nats", "--url", NATS_URL, "--stream", s.stream, "--subjects", s.prefix, "--durable", s.durable];
  return {
    prepare: s.publish,
    run: (db, options) => runCli([...args(db), "--idle-exit", IDLE_EXIT_S, "--json"], options ?? {}),
    acknowledged: s.acknowledged,
    complete: async (db, journalRows) => {
      const total: IngestStats = { messages: 0, read: 0, accepted: 0, duplicates: 0, rejected: 0 };
      // Messages a killed engine held come back after the ack wait: run until none is left.
      for (let attempt = 0; attempt < 5; attempt++) {
        const outcome = await runCli([...args(db), "--idle-exit", IDLE_EXIT_S, "--json"]);
        const stats = lastJson<IngestStats>(outcome);
        if (outcome.code !== 0 || !stats) return [{ code: "run_failed", detail: `exit ${outcome.code}: ${outcome.stderr.trim().slice(-300)}` }];
        for (const k of ["messages", "read", "accepted", "duplicates", "rejected"] as const) total[k] += stats[k];
        if ((await s.outstanding()) === 0) return checkStats(total, ref, journalRows);
      }
      return [{ code: "stream_not_drained", detail: `${await s.outstanding()} message(s) still pending after 5 runs` }];
    },
    dispose: s.dispose,
  };
}

function known(ref: Reference, recordId: string): boolean {
  for (const list of ref.perLine.values()) if (list.some((r) => r.id === recordId)) return true;
  return false;
}

/**
 * The ingests' totals add up, and `accepted` is what the journal lacked before them (`journalRows`
 * rows). With `atLeast`, ingests killed meanwhile reported nothing of theirs: at least what was
 * missing, at most every record.
 */
export function checkStats(total: Omit<IngestStats, "messages">, ref: Reference, journalRows: number, atLeast = false): Finding[] {
  const findings: Finding[] = [];
  if (total.read !== total.accepted + total.duplicates + total.rejected) findings.push({ code: "read_not_accounted", detail: JSON.stringify(total) });
  const missing = ref.records - journalRows;
  if (atLeast ? total.accepted < missing || total.accepted > ref.records : total.accepted !== missing)
    findings.push({ code: "accepted_mismatch", detail: `accepted ${total.accepted}, missing before the run ${missing}${atLeast ? " (at least)" : ""}` });
  return findings;
}

async function addConsumers(jsm: JetStreamManager, stream: string, prefix: string, durable: string): Promise<void> {
  for (let p = 0; p < PARTITIONS; p++) {
    await jsm.consumers.add(stream, {
      durable_name: durableName(durable, p),
      filter_subject: `${prefix}.${p}`,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: ACK_WAIT_MS * 1_000_000,
      max_ack_pending: 64,
    });
  }
}

async function readBack(jsm: JetStreamManager, stream: string, prefix: string, into: Map<number, { partition: number; ids: string[] }>): Promise<void> {
  into.clear();
  const last = (await jsm.streams.info(stream)).state.last_seq;
  for (let seq = 1; seq <= last; seq++) {
    const m = await jsm.streams.getMessage(stream, { seq });
    if (!m) continue;
    const partition = Number(m.subject.slice(prefix.length + 1));
    const ids = new TextDecoder()
      .decode(m.data)
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => (JSON.parse(l) as { record_id?: string }).record_id ?? "");
    into.set(seq, { partition, ids });
  }
}

/** Messages not yet delivered or delivered and not acknowledged, over every consumer. */
async function outstanding(jsm: JetStreamManager, stream: string, durable: string): Promise<number> {
  let n = 0;
  for (let p = 0; p < PARTITIONS; p++) {
    const info = await jsm.consumers.info(stream, durableName(durable, p));
    n += info.num_pending + info.num_ack_pending;
  }
  return n;
}
