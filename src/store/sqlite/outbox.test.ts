import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { tempDir } from "../../../test/helpers/temp.ts";
import type { Period } from "../../domain/index.ts";
import type { OutboxRow } from "../ports.ts";
import { SqliteOutbox } from "./outbox.ts";
import { openSqliteStore } from "./store.ts";

const T0 = "2009-10-20T10:00:00.000Z";
const T1 = "2009-10-20T10:01:00.000Z";
const T2 = "2009-10-20T10:02:00.000Z";

function row(key: string, lineId = "VAL-0001"): OutboxRow {
  return {
    key: `${lineId}:2009-10:${key}`,
    lineId,
    accountId: "A",
    period: "2009-10" as Period,
    kind: "cap_warning",
    urgent: false,
    payload: "{}",
    createdAt: T0,
  };
}

function open(name: string) {
  const store = openSqliteStore(join(tempDir(), `${name}.db`));
  return { store, outbox: new SqliteOutbox(store.db) };
}

describe("the SQLite outbox", () => {
  it("a notice key is written once: a second commit of the same key is ignored", async () => {
    const { store, outbox } = open("unique");
    await store.commit({ usage: [], outbox: [row("cap:eu:80")], rejects: [] });
    await store.commit({ usage: [], outbox: [row("cap:eu:80")], rejects: [] });
    const again = await outbox.enqueue(row("cap:eu:80"));
    assert.equal(again.inserted, false);
    assert.equal((await outbox.list({})).length, 1);
    await store.close();
  });

  it("claims due rows once; a lapsed claim is due again", async () => {
    const { store, outbox } = open("claim");
    await outbox.enqueue(row("a"));
    await outbox.enqueue(row("b"));
    const first = await outbox.claimDue(T0, T1, 10);
    assert.deepEqual(
      first.map((e) => [e.id, e.status]),
      [
        [1, "sending"],
        [2, "sending"],
      ],
    );
    assert.equal((await outbox.claimDue(T0, T1, 10)).length, 0, "claimed rows are not claimed twice");
    assert.deepEqual(
      (await outbox.claimDue(T1, T2, 10)).map((e) => e.id),
      [1, 2],
      "a dispatcher that died mid-send lets its claim lapse",
    );
    await store.close();
  });

  it("keeps deliveries and attempts; a retry is due only at its time", async () => {
    const { store, outbox } = open("settle");
    const { id } = await outbox.enqueue(row("a"));
    await outbox.claimDue(T0, T1, 10);
    await outbox.recordAttempt(
      id,
      { at: T0, channel: "sms", outcome: "accepted", code: undefined, message: "sink-1" },
      { channel: "sms", target: "336", peerId: "sink-1", at: T0 },
    );
    await outbox.recordAttempt(id, { at: T0, channel: "email", outcome: "failed", code: "smtp_tempfail", message: "451" }, undefined);
    await outbox.settle(id, { status: "retry", attempts: 1, nextAttemptAt: T2, error: "email: smtp_tempfail" });
    assert.equal((await outbox.claimDue(T1, T2, 10)).length, 0);
    const [due] = await outbox.claimDue(T2, "2009-10-20T10:05:00.000Z", 10);
    assert.deepEqual(due?.deliveries, [{ channel: "sms", target: "336", peerId: "sink-1", at: T0 }]);
    assert.equal(due?.attempts, 1);
    await outbox.settle(id, { status: "sent", at: T2 });
    assert.deepEqual(await outbox.counts(), { sent: 1 });
    assert.deepEqual(
      (await outbox.attempts(id)).map((a) => [a.channel, a.outcome]),
      [
        ["sms", "accepted"],
        ["email", "failed"],
      ],
    );
    await store.close();
  });

  it("replays a dead letter, and only a dead or expired one", async () => {
    const { store, outbox } = open("replay");
    const { id } = await outbox.enqueue(row("a"));
    assert.deepEqual(await outbox.replay(id, "ops", T0), {
      ok: false,
      code: "notice_not_replayable",
      message: `notice ${id} is pending: only dead or expired notices are replayed`,
    });
    await outbox.claimDue(T0, T1, 10);
    await outbox.settle(id, { status: "dead", attempts: 12, error: "sms: smpp_destination_invalid" });
    assert.deepEqual(
      (await outbox.list({ status: "dead" })).map((e) => e.id),
      [id],
    );
    const replayed = await outbox.replay(id, "ops", T1);
    assert.ok(replayed.ok);
    assert.deepEqual([replayed.entry.status, replayed.entry.attempts, replayed.entry.lastError], ["pending", 0, undefined]);
    assert.equal((await outbox.attempts(id)).at(-1)?.message, "replayed by ops (was dead)");
    assert.equal((await outbox.replay(999, "ops", T1)).ok, false);
    await store.close();
  });
});
