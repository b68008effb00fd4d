import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noticeRig, ScriptedChannel } from "../../../test/helpers/notice-rig.ts";
import type { Period } from "../../domain/index.ts";
import type { SendResult } from "../channels/index.ts";
import { parseQuietHours } from "./quiet-hours.ts";

const tempFail: SendResult = { ok: false, retryable: true, code: "smpp_throttled", message: "submit_sm answered ESME_RTHROTTLED" };
const refused: SendResult = { ok: false, retryable: false, code: "smtp_rejected", message: "550 no such mailbox" };

describe("the notice dispatcher", () => {
  it("marks a notice sent only once the peer accepted it, with the peer's id", async () => {
    const rig = noticeRig("accept");
    const id = await rig.enqueue("the cut-off", "cap:eu-roaming-data:100", { urgent: true });
    let accept: (r: SendResult) => void = () => {};
    rig.sms.script.push(new Promise<SendResult>((resolve) => (accept = resolve)));
    const pass = rig.dispatcher.runOnce();
    while (rig.sms.sent.length === 0) await new Promise((r) => setImmediate(r));
    assert.equal((await rig.outbox.get(id))?.status, "sending", "not sent while the SMSC has not answered");
    accept({ ok: true, peerId: "smsc-42" });
    assert.deepEqual(await pass, { claimed: 1, sent: 1, retry: 0, deferred: 0, dead: 0, expired: 0 });
    const entry = await rig.outbox.get(id);
    assert.equal(entry?.status, "sent");
    assert.deepEqual(
      entry?.deliveries.map((d) => [d.channel, d.target, d.peerId]),
      [["sms", "33327000001", "smsc-42"]],
    );
    assert.equal(rig.sms.sent[0]?.idempotencyKey, "VAL-0001:2009-10:cap:eu-roaming-data:100:sms");
    assert.equal(rig.sms.sent[0]?.urgent, true);
    await rig.close();
  });

  it("retries with doubling, jittered delays, then gives up into the dead letters", async () => {
    const rig = noticeRig("retry");
    const id = await rig.enqueue("80 % of the roaming cap");
    rig.sms.script.push(tempFail, tempFail, tempFail, tempFail);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      await rig.dispatcher.runOnce();
      const e = await rig.outbox.get(id);
      if (e?.status !== "retry") break;
      const wait = Date.parse(e.nextAttemptAt ?? "") - rig.clock.now;
      waits.push(wait);
      assert.equal((await rig.dispatcher.runOnce()).claimed, 0, "not due before its time");
      rig.clock.now += wait;
    }
    // Equal jitter with random() = 0.5: three quarters of 1 s, 2 s, 4 s.
    assert.deepEqual(waits, [750, 1_500, 3_000]);
    const dead = await rig.outbox.get(id);
    assert.deepEqual([dead?.status, dead?.attempts, dead?.lastError], ["dead", 4, "sms: smpp_throttled: submit_sm answered ESME_RTHROTTLED"]);
    await rig.close();
  });

  it("a refusal is final at once; replay sends again only where it had failed", async () => {
    const email = new ScriptedChannel("email");
    const rig = noticeRig("replay", {}, { email });
    const id = await rig.enqueue("80 % of the roaming cap");
    email.script.push(refused);
    assert.equal((await rig.dispatcher.runOnce()).dead, 1);
    const dead = await rig.outbox.get(id);
    assert.deepEqual([dead?.status, dead?.deliveries.map((d) => d.channel)], ["dead", ["sms"]]);
    await rig.outbox.replay(id, "ops", new Date(rig.clock.now).toISOString());
    assert.equal((await rig.dispatcher.runOnce()).sent, 1);
    assert.equal(rig.sms.sent.length, 1, "the SMS that went through is not sent twice");
    assert.equal(email.sent.length, 2);
    assert.equal(email.sent[1]?.idempotencyKey, email.sent[0]?.idempotencyKey, "same key on every attempt");
    assert.match(email.sent[1]?.subject ?? "", /80 % de votre limite/);
    await rig.close();
  });

  it("quiet hours hold a warning until morning, never a cut-off", async () => {
    const quiet = parseQuietHours("21:00-08:00");
    assert.ok(quiet.ok);
    const rig = noticeRig("quiet", { quietHours: quiet.value });
    rig.clock.now = Date.parse("2009-10-20T23:30:00+02:00");
    const warning = await rig.enqueue("80 % of the roaming cap");
    const cutoff = await rig.enqueue("the cut-off", "cap:eu-roaming-data:100", { urgent: true });
    assert.deepEqual(await rig.dispatcher.runOnce(), { claimed: 2, sent: 1, retry: 0, deferred: 1, dead: 0, expired: 0 });
    assert.equal((await rig.outbox.get(cutoff))?.status, "sent");
    const held = await rig.outbox.get(warning);
    assert.deepEqual([held?.status, held?.nextAttemptAt, held?.lastError], ["deferred", "2009-10-21T06:00:00.000Z", "quiet_hours"]);
    rig.clock.now = Date.parse("2009-10-21T08:00:00+02:00");
    assert.equal((await rig.dispatcher.runOnce()).sent, 1);
    await rig.close();
  });

  it("holds a line's notices beyond the per-line rate; other lines are not held", async () => {
    const rig = noticeRig("rate", { perLine: { max: 2, windowMs: 3_600_000 } });
    for (const key of ["a", "b", "c"]) await rig.enqueue("allowance 80 %", key);
    await rig.enqueue("allowance 80 %", "a", { lineId: "PHY-0001" });
    assert.deepEqual(await rig.dispatcher.runOnce(), { claimed: 4, sent: 3, retry: 0, deferred: 1, dead: 0, expired: 0 });
    const [held] = await rig.outbox.list({ status: "deferred" });
    assert.equal(held?.key, "VAL-0001:2009-10:c");
    assert.equal(held?.nextAttemptAt, new Date(rig.clock.now + 3_600_000).toISOString());
    await rig.close();
  });

  it("expires what is too old to be worth sending, and refuses a payload it cannot tell", async () => {
    const rig = noticeRig("stale");
    const old = await rig.enqueue("80 % of the roaming cap");
    rig.clock.now = Date.parse("2009-11-20T10:00:00+01:00");
    const fresh = await rig.enqueue("invoice held");
    const late = await rig.enqueue("allowance used");
    const broken = await rig.outbox.enqueue({
      key: "VAL-0001:2009-10:broken",
      lineId: "VAL-0001",
      accountId: "A",
      period: "2009-10" as Period,
      kind: "invoice_held",
      urgent: false,
      payload: JSON.stringify({ kind: "invoice_held" }),
      createdAt: new Date(rig.clock.now).toISOString(),
    });
    assert.deepEqual(await rig.dispatcher.runOnce(), { claimed: 4, sent: 1, retry: 0, deferred: 0, dead: 1, expired: 2 });
    assert.equal((await rig.outbox.get(old))?.lastError, "stale: written 745 h ago");
    assert.equal((await rig.outbox.get(late))?.lastError, "stale: period 2009-10 is long over");
    assert.equal((await rig.outbox.get(fresh))?.status, "sent", "an invoice notice is not a usage notice: the period's end does not age it");
    assert.match((await rig.outbox.get(broken.id))?.lastError ?? "", /^payload_invalid: /);
    await rig.close();
  });

  it("posts the webhook with the notice's payload and texts", async () => {
    const webhook = new ScriptedChannel("webhook");
    const rig = noticeRig("webhook", {}, { webhook });
    await rig.enqueue("welcome with a cap", "welcome:BE");
    await rig.dispatcher.runOnce();
    const body = webhook.sent[0]?.json as { event: string; kind: string; template: string; key: string; payload: { country: string }; text: string };
    assert.deepEqual(
      [body.event, body.kind, body.template, body.key, body.payload.country],
      ["notice", "roaming_welcome", "roaming_welcome", "VAL-0001:2009-10:welcome:BE", "BE"],
    );
    assert.equal(body.text, rig.sms.sent[0]?.text);
    await rig.close();
  });
});
