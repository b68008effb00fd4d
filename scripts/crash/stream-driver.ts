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
 * `gardefou publish usage` once per iteration into a stream of its own, then `gardefou ingest
 * nats` killed and restarted. A message is acknowledged once the broker's ack floor of its
 * consumer has passed it: its records must then be in the journal.
 */
export async function streamDriver(workload: Workload, ref: Reference): Promise<Driver> {
  const id = randomBytes(4).toString("hex");
  const stream = `CRASH_${id}`;
  const prefix = `crash${id}.usage`;
  const durable = `crash${id}`;
  const nc: NatsConnection = await connect({ servers: NATS_URL, timeout: 5000 });
  const jsm = await jetstreamManager(nc);
  /** stream sequence → partition and record ids, read back once after publishing. */
  const messages = new Map<number, { partition: number; ids: string[] }>();
  const args = (db: string) => ["--db", db, "ingest", "nats", "--url", NATS_URL, "--stream", stream, "--subjects", prefix, "--durable", durable];
  return {
    prepare: async () => {
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
    run: (db, options) => runCli([...args(db), "--idle-exit", IDLE_EXIT_S, "--json"], options ?? {}),
    acknowledged: async () => {
      const ids: string[] = [];
      const floors = new Map<number, number>();
      for (let p = 0; p < PARTITIONS; p++) floors.set(p, (await jsm.consumers.info(stream, durableName(durable, p))).ack_floor.stream_seq);
      for (const [seq, m] of messages) if (seq <= (floors.get(m.partition) ?? 0)) ids.push(...m.ids.filter((r) => known(ref, r)));
      return ids;
    },
    complete: async (db, journalRows) => {
      const total: IngestStats = { messages: 0, read: 0, accepted: 0, duplicates: 0, rejected: 0 };
      // Messages a killed engine held come back after the ack wait: run until none is left.
      for (let attempt = 0; attempt < 5; attempt++) {
        const outcome = await runCli([...args(db), "--idle-exit", IDLE_EXIT_S, "--json"]);
        const stats = lastJson<IngestStats>(outcome);
        if (outcome.code !== 0 || !stats) return [{ code: "run_failed", detail: `exit ${outcome.code}: ${outcome.stderr.trim().slice(-300)}` }];
        for (const k of ["messages", "read", "accepted", "duplicates", "rejected"] as const) total[k] += stats[k];
        if ((await outstanding(jsm, stream, durable)) === 0) return checkStats(total, ref, journalRows);
      }
      return [{ code: "stream_not_drained", detail: `${await outstanding(jsm, stream, durable)} message(s) still pending after 5 runs` }];
    },
    dispose: async () => {
      await jsm.streams.delete(stream).catch(() => undefined);
      await nc.close();
    },
  };
}

function known(ref: Reference, recordId: string): boolean {
  for (const list of ref.perLine.values()) if (list.some((r) => r.id === recordId)) return true;
  return false;
}

function checkStats(total: IngestStats, ref: Reference, journalRows: number): Finding[] {
  const findings: Finding[] = [];
  if (total.read !== total.accepted + total.duplicates + total.rejected) findings.push({ code: "read_not_accounted", detail: JSON.stringify(total) });
  if (total.accepted !== ref.records - journalRows)
    findings.push({ code: "accepted_mismatch", detail: `accepted ${total.accepted}, missing before the run ${ref.records - journalRows}` });
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
