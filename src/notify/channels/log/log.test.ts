import assert from "node:assert/strict";
import { PassThrough, Writable } from "node:stream";
import { test } from "node:test";
import { LogChannel } from "./channel.ts";

const NOW = () => new Date("2009-11-19T08:00:00Z");

test("writes one JSON line per notice and reports it sent", async () => {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c.toString("utf8")));
  const channel = new LogChannel(stream, NOW);
  const result = await channel.send({
    idempotencyKey: "notice-1:log",
    to: "33612345678",
    text: "Limite d'itinérance : 80 %",
    html: "<p>…</p>",
    urgent: false,
  });
  assert.deepEqual(result, { ok: true, peerId: "log:notice-1:log" });
  const lines = chunks.join("").split("\n");
  assert.equal(lines.length, 2);
  assert.equal(lines[1], "");
  assert.deepEqual(JSON.parse(lines[0] ?? ""), {
    at: "2009-11-19T08:00:00.000Z",
    channel: "log",
    idempotency_key: "notice-1:log",
    to: "33612345678",
    text: "Limite d'itinérance : 80 %",
    has_html: true,
    urgent: false,
  });
});

test("a failing stream is a retryable failure, and a closed channel sends nothing", async () => {
  const broken = new Writable({
    write(_chunk, _encoding, callback) {
      callback(new Error("disk full"));
    },
  });
  broken.on("error", () => {});
  const channel = new LogChannel(broken, NOW);
  const message = { idempotencyKey: "k", to: "x", text: "t", urgent: false };
  assert.deepEqual(await channel.send(message), {
    ok: false,
    retryable: true,
    code: "log_write_failed",
    message: "disk full",
  });
  await channel.close();
  const closed = await channel.send(message);
  assert.equal(!closed.ok && closed.code, "log_closed");
});
