// The webhook channel against a local node:http receiver that verifies what it gets.

import assert from "node:assert/strict";
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import type { OutboundMessage } from "../channel.ts";
import { createWebhookChannel, verifyWebhookSignature, type WebhookChannel } from "./index.ts";

const SECRET = "whsec_receiver_shared_secret";
const NOW = 1_258_617_600;

interface Received {
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  verdict: string;
}

describe("webhook channel against a verifying receiver", () => {
  const received: Received[] = [];
  let base: string;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const check = verifyWebhookSignature(
        SECRET,
        String(req.headers["x-gardefou-timestamp"] ?? ""),
        raw,
        String(req.headers["x-gardefou-signature"] ?? ""),
        NOW + 5,
        300,
      );
      const path = req.url ?? "/";
      received.push({
        path,
        headers: req.headers,
        body: raw.toString("utf8"),
        verdict: check.ok ? "ok" : check.code,
      });
      if (!check.ok) return void res.writeHead(401).end();
      const status = Number(/^\/status\/(\d{3})$/.exec(path)?.[1] ?? 200);
      if (path === "/slow") return void setTimeout(() => res.writeHead(200).end(), 500);
      res.writeHead(status, status === 302 ? { location: "/elsewhere" } : { "x-request-id": "rcv-1" }).end();
    });
  });

  function channel(secret = SECRET, timeoutMs = 2_000): WebhookChannel {
    const made = createWebhookChannel(new URL(`${base}/hooks/gardefou`), {
      secret,
      timeoutMs,
      nowSeconds: () => NOW,
    });
    assert.ok(made.ok);
    return made.value;
  }

  const notice: OutboundMessage = {
    idempotencyKey: "notice-9:webhook",
    to: "",
    text: "Limite atteinte",
    json: {
      event: "roaming_cap_reached",
      line_id: "L0001",
      amount: "50.00",
      note: "données coupées",
    },
    urgent: true,
  };

  before(async () => {
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(() => {
    server.closeAllConnections();
    server.close();
  });

  test("posts the JSON body, signed, with its idempotency key", async () => {
    const result = await channel().send(notice);
    assert.deepEqual(result, { ok: true, peerId: "rcv-1" });
    const last = received.at(-1);
    assert.equal(last?.path, "/hooks/gardefou");
    assert.equal(last?.verdict, "ok");
    assert.deepEqual(JSON.parse(last?.body ?? ""), notice.json);
    assert.equal(last?.headers["idempotency-key"], "notice-9:webhook");
    assert.equal(last?.headers["x-gardefou-timestamp"], String(NOW));
    assert.equal(last?.headers["content-type"], "application/json");
  });

  test("a message may name its own URL", async () => {
    await channel().send({ ...notice, to: `${base}/customer/A017` });
    assert.equal(received.at(-1)?.path, "/customer/A017");
  });

  test("a signature made with another secret is refused by the receiver (not retryable)", async () => {
    const result = await channel("whsec_not_the_receivers_one").send(notice);
    assert.equal(received.at(-1)?.verdict, "signature_mismatch");
    assert.deepEqual(result, {
      ok: false,
      retryable: false,
      code: "webhook_rejected",
      message: "the receiver answered HTTP 401",
    });
  });

  test("a tampered body under a genuine signature is refused", async () => {
    await channel().send(notice);
    const genuine = received.at(-1);
    const response = await fetch(`${base}/hooks/gardefou`, {
      method: "POST",
      headers: {
        "x-gardefou-timestamp": String(genuine?.headers["x-gardefou-timestamp"]),
        "x-gardefou-signature": String(genuine?.headers["x-gardefou-signature"]),
      },
      body: (genuine?.body ?? "").replace("50.00", "5000.00"),
    });
    assert.equal(response.status, 401);
    assert.equal(received.at(-1)?.verdict, "signature_mismatch");
  });

  const statuses: { status: number; code: string; retryable: boolean }[] = [
    { status: 429, code: "webhook_throttled", retryable: true },
    { status: 500, code: "webhook_server_error", retryable: true },
    { status: 503, code: "webhook_server_error", retryable: true },
    { status: 400, code: "webhook_rejected", retryable: false },
    { status: 404, code: "webhook_rejected", retryable: false },
    { status: 302, code: "webhook_redirected", retryable: false },
  ];
  for (const s of statuses) {
    test(`HTTP ${s.status} → ${s.code}, retryable: ${s.retryable}`, async () => {
      const result = await channel().send({
        ...notice,
        to: `${base}/status/${s.status}`,
      });
      assert.equal(!result.ok && result.code, s.code);
      assert.equal(!result.ok && result.retryable, s.retryable);
    });
  }

  test("a receiver slower than the timeout is retryable", async () => {
    const result = await channel(SECRET, 100).send({
      ...notice,
      to: `${base}/slow`,
    });
    assert.equal(!result.ok && result.code, "webhook_timeout");
    assert.equal(!result.ok && result.retryable, true);
  });

  test("an unreachable receiver is retryable", async () => {
    const result = await channel().send({
      ...notice,
      to: "http://127.0.0.1:1/",
    });
    assert.equal(!result.ok && result.code, "webhook_unreachable");
    assert.equal(!result.ok && result.retryable, true);
  });

  test("a non-http recipient is refused before any request", async () => {
    const result = await channel().send({
      ...notice,
      to: "file:///etc/passwd",
    });
    assert.equal(!result.ok && result.code, "invalid_recipient");
  });

  test("without JSON, a default payload carries the text", async () => {
    await channel().send({ ...notice, json: undefined, subject: "Alerte" });
    assert.deepEqual(JSON.parse(received.at(-1)?.body ?? ""), {
      idempotency_key: "notice-9:webhook",
      subject: "Alerte",
      text: "Limite atteinte",
      urgent: true,
    });
  });
});

test("a webhook channel without a strong secret is a configuration problem", () => {
  const made = createWebhookChannel(new URL("https://hooks.example.org/x"), {
    secret: "short",
  });
  assert.deepEqual(made.ok ? [] : made.problems.map((p) => p.code), ["webhook_secret_missing"]);
});
