/** The outbox's part of the store contract (`OutboxStore`), registered by `contract.ts`. */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { WithFixture } from "./contract.ts";
import { OCT, outbox as row } from "./contract-fixtures.ts";

const T0 = "2009-10-20T10:00:00.000Z";
const T1 = "2009-10-20T10:01:00.000Z";
const T2 = "2009-10-20T10:02:00.000Z";
const T3 = "2009-10-20T10:05:00.000Z";

export function outboxContract(withFixture: WithFixture): void {
  it("outbox: enqueue is idempotent by key, also against rows the journal wrote", () =>
    withFixture(async ({ store, outbox }) => {
      await store.commit({ usage: [], outbox: [row("L1", OCT, "cap:eu:80")], rejects: [] });
      const again = await outbox.enqueue(row("L1", OCT, "cap:eu:80"));
      const other = await outbox.enqueue(row("L1", OCT, "invoice_held"));
      assert.equal(again.inserted, false);
      assert.equal(other.inserted, true);
      assert.deepEqual(
        (await outbox.list({})).map((e) => [e.id, e.key]),
        [
          [again.id, "L1:2009-10:cap:eu:80"],
          [other.id, "L1:2009-10:invoice_held"],
        ],
      );
      assert.deepEqual(await outbox.get(other.id), { ...(await outbox.list({ kind: "invoice_held" }))[0] });
      assert.equal(await outbox.get(other.id + 1000), undefined);
    }));

  it("outbox: claims due rows once; a lapsed claim is due again", () =>
    withFixture(async ({ outbox }) => {
      const a = await outbox.enqueue(row("L1", OCT, "a"));
      const b = await outbox.enqueue(row("L2", OCT, "b"));
      const first = await outbox.claimDue(T0, T1, 10);
      assert.deepEqual(
        first.map((e) => [e.id, e.status]),
        [
          [a.id, "sending"],
          [b.id, "sending"],
        ],
      );
      assert.equal((await outbox.claimDue(T0, T1, 10)).length, 0, "claimed rows are not claimed twice");
      assert.deepEqual(
        (await outbox.claimDue(T1, T2, 1)).map((e) => e.id),
        [a.id],
        "a dispatcher that died mid-send lets its claim lapse; the limit holds",
      );
    }));

  it("outbox: keeps deliveries and attempts; a retry is due only at its time", () =>
    withFixture(async ({ outbox }) => {
      const { id } = await outbox.enqueue(row("L1", OCT, "a"));
      await outbox.claimDue(T0, T1, 10);
      const delivery = { channel: "sms", target: "336", peerId: "sink-1", at: T0 };
      await outbox.recordAttempt(id, { at: T0, channel: "sms", outcome: "accepted", code: undefined, message: "sink-1" }, delivery);
      await outbox.recordAttempt(id, { at: T0, channel: "email", outcome: "failed", code: "smtp_tempfail", message: "451" }, undefined);
      await outbox.settle(id, { status: "retry", attempts: 1, nextAttemptAt: T2, error: "email: smtp_tempfail" });
      assert.equal((await outbox.claimDue(T1, T2, 10)).length, 0);
      const [due] = await outbox.claimDue(T2, T3, 10);
      assert.deepEqual(due?.deliveries, [delivery]);
      assert.equal(due?.attempts, 1);
      assert.equal(due?.lastError, "email: smtp_tempfail");
      await outbox.settle(id, { status: "sent", at: T2 });
      assert.deepEqual(await outbox.counts(), { sent: 1 });
      assert.equal((await outbox.get(id))?.sentAt, T2);
      assert.deepEqual(
        (await outbox.attempts(id)).map((a) => [a.channel, a.outcome, a.code ?? null]),
        [
          ["sms", "accepted", null],
          ["email", "failed", "smtp_tempfail"],
        ],
      );
    }));

  it("outbox: replays a dead letter, and only a dead or expired one", () =>
    withFixture(async ({ outbox }) => {
      const { id } = await outbox.enqueue(row("L1", OCT, "a"));
      const refused = await outbox.replay(id, "ops", T0);
      assert.deepEqual(refused, { ok: false, code: "notice_not_replayable", message: `notice ${id} is pending: only dead or expired notices are replayed` });
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
      assert.equal((await outbox.replay(id + 1000, "ops", T1)).ok, false);
    }));
}
