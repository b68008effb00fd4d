import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import pg from "pg";
import { App } from "../src/app/index.ts";
import { DEFAULT_SEGMENT, generateSegment } from "../src/demo/index.ts";
import { csvUsageParser, importUsage } from "../src/ingest/index.ts";
import { interchangeLines, publishUsage } from "../src/ingest/nats/index.ts";
import { ensureConsumer, ensureStream, subjects } from "../src/ingest/nats/subjects.ts";
import { gardefouAsync } from "./helpers/cli.ts";
import { freshSchema, freshStream, NATS_URL, natsSkip, PG_URL, postgresSkip } from "./helpers/servers.ts";
import { TcpProxy } from "./helpers/tcp-proxy.ts";
import { tempDir } from "./helpers/temp.ts";

// PostgreSQL going away in the middle of an import, through a proxy that cuts and refuses
// connections (the shared server is never restarted): a short outage is ridden out with every
// count exact, a long one ends in `store_unavailable`, and a re-run then charges nothing twice.

const skip = await postgresSkip();
const natsSkipped = skip || (await natsSkip());

interface Report {
  read: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

/** Journal figures of a schema, read beside the proxy. */
interface Journal {
  rows: number;
  distinct: number;
  rejects: number;
  /** line_id → "records:amount". */
  perLine: Map<string, string>;
}

describe("an import while PostgreSQL goes away", { skip }, () => {
  const segment = generateSegment({ ...DEFAULT_SEGMENT, lines: 260, seed: 18, historyMonths: 0 });
  const rows = segment.usageCsv.trimEnd().split("\n").length - 1;
  const dir = tempDir();
  const usagePath = join(dir, "usage.csv");
  const reference = freshSchema("gf_outage");
  const schemas = [reference];
  let proxy: TcpProxy;
  let direct: pg.Client;
  let clean: { report: Report; journal: Journal };

  async function journal(schema: string): Promise<Journal> {
    const q = async <T extends pg.QueryResultRow>(sql: string) => (await direct.query<T>(sql)).rows;
    const [count] = await q<{ rows: string; distinct: string }>(`SELECT COUNT(*) AS rows, COUNT(DISTINCT record_id) AS distinct FROM ${schema}.usage`);
    const [rejects] = await q<{ n: string }>(`SELECT COUNT(*) AS n FROM ${schema}.rejects`);
    const lines = await q<{ line_id: string; n: string; amount: string }>(
      `SELECT line_id, COUNT(*) AS n, SUM(amount) AS amount FROM ${schema}.usage GROUP BY line_id`,
    );
    return {
      rows: Number(count?.rows),
      distinct: Number(count?.distinct),
      rejects: Number(rejects?.n),
      perLine: new Map(lines.map((l) => [l.line_id, `${l.n}:${l.amount}`])),
    };
  }

  async function withLines(url: string): Promise<void> {
    const app = await App.open({ dbPath: url, watchAnomalies: false });
    try {
      await app.importLinesText(segment.linesCsv, "lines.csv");
    } finally {
      await app.close();
    }
  }

  before(async () => {
    writeFileSync(usagePath, segment.usageCsv);
    proxy = await TcpProxy.start(PG_URL);
    direct = new pg.Client({ connectionString: PG_URL });
    await direct.connect();
    await withLines(reference.url);
    const app = await App.open({ dbPath: reference.url, watchAnomalies: false });
    try {
      const report = await app.importUsageFile(usagePath, { rejectsFile: join(dir, "reference.rejects.csv") });
      clean = { report, journal: await journal(reference.schema) };
    } finally {
      await app.close();
    }
    assert.equal(clean.report.read, rows);
    assert.ok(clean.journal.rows > 16_400, "enough records for several commits");
  });

  after(async () => {
    await proxy.close();
    await direct.end();
    for (const s of schemas) await s.drop();
  });

  it("connections cut mid-import and back after a second: the import completes, every count exact, nothing charged twice", async () => {
    const schema = freshSchema("gf_outage");
    schemas.push(schema);
    await withLines(schema.url);
    const app = await App.open({ dbPath: proxy.url(schema.url), watchAnomalies: false });
    try {
      let pulled = 0;
      async function* chunks(): AsyncIterable<string> {
        for (let at = 0; at < segment.usageCsv.length; at += 32_768) {
          pulled = at;
          yield segment.usageCsv.slice(at, at + 32_768);
        }
      }
      const cut = proxy.cutAt("INSERT INTO commit_log", 3);
      const importing = importUsage(app.engine, csvUsageParser(), chunks(), { source: "usage.csv", chunkRecords: 2_000, now: () => Date.now() });
      await Promise.race([cut, importing]);
      const atCut = (await journal(schema.schema)).rows;
      assert.ok(atCut > 0 && atCut < clean.journal.rows, `cut mid-import (${atCut} of ${clean.journal.rows} committed)`);
      // Back-pressure: while the commit waits for the server, the importer reads no further.
      await new Promise((r) => setTimeout(r, 300));
      const blocked = pulled;
      await new Promise((r) => setTimeout(r, 700));
      assert.equal(pulled, blocked, "nothing read while the store is away");
      assert.ok(blocked < segment.usageCsv.length, "the file was not read ahead to its end");
      proxy.accept();
      const report = await importing;
      assert.equal(report.read, report.accepted + report.duplicates + report.rejected);
      assert.deepEqual(
        [report.read, report.accepted, report.duplicates, report.rejected],
        [rows, clean.report.accepted, clean.report.duplicates, clean.report.rejected],
      );
      const got = await journal(schema.schema);
      assert.equal(got.rows, clean.journal.rows);
      assert.equal(got.distinct, got.rows, "every record once");
      assert.equal(got.rejects, clean.journal.rejects, "every reject once");
      assert.deepEqual(got.perLine, clean.journal.perLine, "records and amounts per line");
    } finally {
      proxy.accept();
      await app.close();
    }
  });

  it("backends terminated by the server again and again (57P01, as on a restart): no crash, every count exact", async () => {
    const schema = freshSchema("gf_outage");
    schemas.push(schema);
    await withLines(schema.url);
    const app = await App.open({ dbPath: proxy.url(schema.url), watchAnomalies: false });
    try {
      let done = false;
      let terminated = 0;
      const importing = app.importUsageFile(usagePath, { rejectsFile: join(dir, "terminated.rejects.csv") }).finally(() => {
        done = true;
      });
      // Only the backends behind the proxy: other tests' connections to the shared server stay.
      // A few rounds, each after a batch has committed since the last (timed by the commits, not
      // the clock: a fast machine imports the file in well under a second).
      for (let round = 0; round < 6 && !done; round++) {
        await Promise.race([proxy.seen("INSERT INTO commit_log"), importing.catch(() => undefined)]);
        const ports = proxy.serverSidePorts();
        if (done || ports.length === 0) continue;
        const r = await direct.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE client_port = ANY($1::int[])", [ports]);
        terminated += r.rowCount ?? 0;
      }
      const report = await importing;
      assert.ok(terminated > 0, "connections were terminated during the import");
      assert.deepEqual(
        [report.read, report.accepted, report.duplicates, report.rejected],
        [rows, clean.report.accepted, clean.report.duplicates, clean.report.rejected],
      );
      const got = await journal(schema.schema);
      assert.equal(got.distinct, got.rows, "every record once");
      assert.equal(got.rejects, clean.journal.rejects, "every reject once");
      assert.deepEqual(got.perLine, clean.journal.perLine, "records and amounts per line");
    } finally {
      await app.close();
    }
  });

  it("an outage longer than the budget ends the CLI with store_unavailable; a re-run completes, nothing charged twice", async () => {
    const schema = freshSchema("gf_outage");
    schemas.push(schema);
    await withLines(schema.url);
    const args = ["--db", proxy.url(schema.url), "import", "usage", usagePath, "--json", "--rejects", join(dir, "cli.rejects.csv")];
    let cut = false;
    void proxy.cutAt("INSERT INTO commit_log", 2).then(() => {
      cut = true;
    });
    const failed = await gardefouAsync(args, { env: { GARDEFOU_PG_RETRY_SECONDS: "1" } });
    assert.ok(cut, `the import ended before the cut: ${failed.stdout}`);
    assert.equal(failed.code, 1, failed.stderr);
    assert.match(failed.stderr, /gardefou: engine stopped after a failed commit: PostgreSQL unreachable .* \[store_unavailable\]/);
    assert.match(failed.stderr, /run the same import again/);
    assert.doesNotMatch(failed.stderr, /internal error|Unhandled|at .*\.ts:\d+/);
    const before = (await journal(schema.schema)).rows;
    assert.ok(before > 0 && before < clean.journal.rows, `stopped mid-import (${before} of ${clean.journal.rows} committed)`);

    proxy.accept();
    const again = await gardefouAsync(args, { env: { GARDEFOU_PG_RETRY_SECONDS: "1" } });
    assert.equal(again.code, 0, again.stderr);
    const report = JSON.parse(again.stdout) as Report;
    assert.equal(report.read, report.accepted + report.duplicates + report.rejected);
    assert.equal(report.read, rows);
    assert.equal(report.accepted, clean.journal.rows - before, "exactly what the outage left out");
    assert.equal(report.rejected, clean.report.rejected);
    const got = await journal(schema.schema);
    assert.equal(got.distinct, got.rows, "every record once");
    assert.deepEqual(got.perLine, clean.journal.perLine, "records and amounts per line");
  });

  it("ingest nats: the same outage ends in store_unavailable with the messages unacknowledged; a re-run takes them, nothing twice", {
    skip: natsSkipped,
  }, async () => {
    const schema = freshSchema("gf_outage");
    schemas.push(schema);
    const t = freshStream();
    await withLines(schema.url);
    const nc = await connect({ servers: NATS_URL });
    try {
      // Consumers made here with a 2 s ack wait (the ingest keeps them as they are), so that what
      // the failed ingest had received and not acknowledged comes back within the re-run.
      const jsm = await jetstreamManager(nc);
      const on = subjects(t.subjectPrefix);
      await ensureStream(jsm, t.stream, on);
      await Promise.all(Array.from({ length: 256 }, (_, p) => ensureConsumer(jsm, t.stream, on, t.durablePrefix, p, { maxAckPending: 64, ackWaitMs: 2_000 })));
      await publishUsage(jetstream(nc), interchangeLines("usage.csv", segment.usageCsv), { recordsPerMessage: 1_000, subjectPrefix: t.subjectPrefix });
      const nats = ["--url", NATS_URL, "--stream", t.stream, "--subjects", t.subjectPrefix, "--durable", t.durablePrefix];
      const args = ["--db", proxy.url(schema.url), "ingest", "nats", ...nats, "--idle-exit", "2", "--json"];
      let cut = false;
      void proxy.cutAt("INSERT INTO commit_log", 2).then(() => {
        cut = true;
      });
      const failed = await gardefouAsync(args, { env: { GARDEFOU_PG_RETRY_SECONDS: "1" } });
      assert.ok(cut, `the ingest ended before the cut: ${failed.stdout}`);
      assert.equal(failed.code, 1, failed.stderr);
      assert.match(
        failed.stderr,
        /unacknowledged messages will be redelivered: engine stopped after a failed commit: PostgreSQL unreachable .* \[store_unavailable\]/,
      );
      const before = (await journal(schema.schema)).rows;
      assert.ok(before < clean.journal.rows, "stopped before the end");

      proxy.accept();
      const again = await gardefouAsync(args);
      assert.equal(again.code, 0, again.stderr);
      const stats = JSON.parse(again.stdout) as Report;
      assert.equal(stats.read, stats.accepted + stats.duplicates + stats.rejected);
      assert.equal(stats.accepted, clean.journal.rows - before, "every record the outage left out, once");
      const got = await journal(schema.schema);
      assert.equal(got.distinct, got.rows, "every record once");
      assert.equal(got.rows, clean.journal.rows);
    } finally {
      proxy.accept();
      await nc.close();
      await t.drop();
    }
  });
});
