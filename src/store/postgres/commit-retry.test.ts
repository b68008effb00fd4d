import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { freshSchema, postgresSkip } from "../../../test/helpers/servers.ts";
import { TcpProxy } from "../../../test/helpers/tcp-proxy.ts";
import { manyUsage, outbox, reject, usage } from "../contract-fixtures.ts";
import type { JournalBatch } from "../ports.ts";
import { LeaseLostError } from "./leases.ts";
import { openPostgresStore, type PostgresStore } from "./store.ts";

const skip = await postgresSkip();

/** A batch with a bulk (COPY) journal, a notice and rejects: rejects have no key, so a second write would show. */
function batch(prefix: string): JournalBatch {
  return {
    usage: [...manyUsage(100, prefix), usage(`${prefix}-single`)],
    outbox: [outbox("L1", "2009-10" as never, `cap_warning:${prefix}`)],
    rejects: [reject(`${prefix}.csv`, 3), reject(`${prefix}.csv`, 4)],
  };
}

describe("PostgreSQL commits across a lost connection", { skip }, () => {
  const schema = freshSchema("gf_retry");
  let proxy: TcpProxy;
  let direct: pg.Client;
  const stores: PostgresStore[] = [];

  before(async () => {
    proxy = await TcpProxy.start(schema.url);
    direct = new pg.Client({ connectionString: schema.url.replace(/[?&]schema=[^&]*/, "") });
    await direct.connect();
  });

  after(async () => {
    for (const s of stores) await s.close();
    await proxy.close();
    await direct.end();
    await schema.drop();
  });

  async function open(retryBudgetMs: number): Promise<PostgresStore> {
    proxy.accept();
    const opened = await openPostgresStore(proxy.url(schema.url), { poolSize: 2, retryBudgetMs });
    if (!opened.ok) throw new Error(`${opened.code}: ${opened.message}`);
    stores.push(opened.store);
    return opened.store;
  }

  /** Rows of `table` written for batch `prefix`, read beside the proxy. */
  async function written(prefix: string): Promise<{ usage: number; rejects: number; outbox: number }> {
    const n = async (sql: string, arg: string) => Number((await direct.query<{ n: string }>(sql, [arg])).rows[0]?.n);
    return {
      usage: await n(`SELECT COUNT(*) AS n FROM ${schema.schema}.usage WHERE record_id LIKE $1 || '-%'`, prefix),
      rejects: await n(`SELECT COUNT(*) AS n FROM ${schema.schema}.rejects WHERE source = $1 || '.csv'`, prefix),
      outbox: await n(`SELECT COUNT(*) AS n FROM ${schema.schema}.outbox WHERE key LIKE '%' || $1`, prefix),
    };
  }

  it("a COMMIT that landed but whose answer was lost is recognised by its batch id, not written twice", async () => {
    const store = await open(10_000);
    const lost = proxy.loseAnswerTo("COMMIT\0");
    const before = proxy.accepted;
    await store.commit(batch("ambiguous"));
    await lost;
    assert.ok(proxy.accepted > before, "the retry went over a new connection");
    assert.deepEqual(await written("ambiguous"), { usage: 101, rejects: 2, outbox: 1 });
  });

  it("a connection cut in the middle is retried until the server answers again, fence checked in the retried transaction", async () => {
    const store = await open(10_000);
    let fenced = 0;
    store.fence = async (client) => {
      fenced++;
      await client.query("SELECT 'fence-check'");
    };
    const cut = proxy.cutAt("fence-check");
    const t = Date.now();
    const committed = store.commit(batch("cut"));
    await cut;
    setTimeout(() => proxy.accept(), 1_000);
    await committed;
    assert.ok(Date.now() - t >= 1_000, "it waited for the server");
    assert.equal(fenced, 2, "the cut attempt and the one that committed");
    assert.deepEqual(await written("cut"), { usage: 101, rejects: 2, outbox: 1 });
  });

  it("a fence refusal or a constraint violation is not retried", async () => {
    const store = await open(10_000);
    let fenced = 0;
    store.fence = async () => {
      fenced++;
      throw new LeaseLostError("lease lost on partition(s) 110: another engine owns them now");
    };
    await assert.rejects(store.commit(batch("fenced")), { code: "lease_lost" });
    assert.equal(fenced, 1);
    store.fence = undefined;
    await store.commit({ usage: [usage("dup-1")], outbox: [], rejects: [] });
    const t = Date.now();
    await assert.rejects(store.commit({ usage: [usage("dup-1")], outbox: [], rejects: [reject("dup.csv", 1)] }), { code: "23505" });
    assert.ok(Date.now() - t < 1_000, "failed at once");
    assert.deepEqual(await written("fenced"), { usage: 0, rejects: 0, outbox: 0 });
    assert.deepEqual(await written("dup"), { usage: 1, rejects: 0, outbox: 0 });
  });

  it("past the budget the commit fails with store_unavailable, having written nothing, and the store works again after", async () => {
    const store = await open(500);
    proxy.refuse();
    proxy.cut();
    const t = Date.now();
    await assert.rejects(store.commit(batch("budget")), { code: "store_unavailable", message: /commit a batch/ });
    assert.ok(Date.now() - t < 5_000, "bounded by the budget");
    proxy.accept();
    assert.deepEqual(await written("budget"), { usage: 0, rejects: 0, outbox: 0 });
    await store.commit(batch("budget"));
    assert.deepEqual(await written("budget"), { usage: 101, rejects: 2, outbox: 1 });
  });
});
