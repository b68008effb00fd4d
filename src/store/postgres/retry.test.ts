import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_RETRY_BUDGET_MS, isConnectionFailure, retryBudgetMs, retrying, StoreUnavailableError } from "./retry.ts";

function coded(code: string, message = "boom"): Error {
  return Object.assign(new Error(message), { code });
}

/** A clock that only moves when the retry sleeps: budgets are checked without waiting. */
function fakeTime() {
  let t = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => t,
    sleep: async (ms: number) => {
      waits.push(ms);
      t += ms;
    },
  };
}

describe("connection failures", () => {
  it("are the server or the socket going away, not the statement being refused", () => {
    for (const e of [
      coded("08006"),
      coded("08001"),
      coded("57P01", "terminating connection due to administrator command"),
      coded("57P03", "the database system is starting up"),
      coded("ECONNRESET"),
      coded("ECONNREFUSED"),
      coded("EPIPE"),
      coded("ETIMEDOUT"),
      new Error("Connection terminated unexpectedly"),
      new Error("timeout exceeded when trying to connect"),
      new Error("Client has encountered a connection error and is not queryable"),
    ])
      assert.equal(isConnectionFailure(e), true, e.message);
    for (const e of [coded("23505", "duplicate key"), coded("lease_lost"), coded("40P01"), new Error("Client was closed and is not queryable"), "ECONNRESET"])
      assert.equal(isConnectionFailure(e), false, String(e));
  });
});

describe("retrying", () => {
  it("tries again with doubling waits until the work succeeds", async () => {
    const time = fakeTime();
    const seen: number[] = [];
    const value = await retrying("work", { budgetMs: 30_000, ...time }, async (n) => {
      seen.push(n);
      if (n < 3) throw coded("ECONNRESET");
      return "done";
    });
    assert.equal(value, "done");
    assert.deepEqual(seen, [0, 1, 2, 3]);
    assert.deepEqual(time.waits, [100, 200, 400]);
  });

  it("gives up with store_unavailable once the budget from the first failure is spent", async () => {
    const time = fakeTime();
    let attempts = 0;
    const error = await retrying("commit a batch", { budgetMs: 5_000, ...time }, async () => {
      attempts++;
      throw coded("57P01", "terminating connection due to administrator command");
    }).catch((e: unknown) => e);
    assert.ok(error instanceof StoreUnavailableError);
    assert.equal(error.code, "store_unavailable");
    assert.match(error.message, /commit a batch.*terminating connection/);
    assert.equal(
      time.waits.reduce((a, b) => a + b, 0),
      5_000,
      "the last wait is cut to what is left",
    );
    assert.deepEqual(time.waits, [100, 200, 400, 800, 1600, 1900]);
    assert.equal(attempts, 7);
  });

  it("does not retry a refused statement, and a zero budget fails at the first loss, coded", async () => {
    const time = fakeTime();
    let attempts = 0;
    await assert.rejects(
      retrying("work", { budgetMs: 30_000, ...time }, async () => {
        attempts++;
        throw coded("23505", "duplicate key value");
      }),
      { code: "23505" },
    );
    assert.equal(attempts, 1);
    await assert.rejects(
      retrying("work", { budgetMs: 0, ...time }, async () => {
        throw coded("ECONNREFUSED");
      }),
      { code: "store_unavailable" },
    );
    assert.deepEqual(time.waits, []);
  });
});

describe("the retry budget", () => {
  it("is the option, else GARDEFOU_PG_RETRY_SECONDS, else 30 s; a bad value is refused", () => {
    assert.equal(retryBudgetMs(2_000, { GARDEFOU_PG_RETRY_SECONDS: "9" }), 2_000);
    assert.equal(retryBudgetMs(undefined, { GARDEFOU_PG_RETRY_SECONDS: "1.5" }), 1_500);
    assert.equal(retryBudgetMs(undefined, { GARDEFOU_PG_RETRY_SECONDS: "0" }), 0);
    assert.equal(retryBudgetMs(undefined, {}), DEFAULT_RETRY_BUDGET_MS);
    assert.equal(retryBudgetMs(undefined, { GARDEFOU_PG_RETRY_SECONDS: "soon" }), undefined);
    assert.equal(retryBudgetMs(undefined, { GARDEFOU_PG_RETRY_SECONDS: "-1" }), undefined);
  });
});
