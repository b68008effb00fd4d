import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { OutboundMessage } from "../channel.ts";
import { buildMessage, rfc5322Date } from "./mime.ts";

const NOW = new Date("2009-11-19T08:05:09Z");
const FROM = { address: "alertes@gardefou.example", name: "Garde-fou Orange" };
const notice: OutboundMessage = {
  idempotencyKey: "notice-42:email",
  to: "client@example.org",
  subject: "Limite d'itinérance atteinte",
  text: "Bonjour,\nvos données à l'étranger sont coupées.",
  html: "<p>Bonjour,<br>vos données à l'étranger sont coupées.</p>",
  urgent: true,
};

function headerOf(data: string, name: string): string | undefined {
  const head = data.slice(0, data.indexOf("\r\n\r\n"));
  return new RegExp(`^${name}: (.*(?:\\r\\n .*)*)`, "m").exec(head)?.[1];
}

describe("MIME message", () => {
  test("is 7-bit, with CRLF line ends only", () => {
    const { data } = buildMessage(notice, FROM, NOW);
    assert.ok([...data].every((c) => c.charCodeAt(0) < 0x80));
    assert.doesNotMatch(data, /[^\r]\n/);
    assert.ok(data.split("\r\n").every((l) => l.length <= 998));
  });

  test("derives Message-ID and boundary from the idempotency key", () => {
    const a = buildMessage(notice, FROM, NOW);
    const b = buildMessage({ ...notice, text: "autre" }, FROM, new Date(0));
    const c = buildMessage({ ...notice, idempotencyKey: "notice-43:email" }, FROM, NOW);
    assert.equal(a.messageId, b.messageId);
    assert.notEqual(a.messageId, c.messageId);
    assert.match(a.messageId, /^<gf\.[0-9a-f]{32}@gardefou\.example>$/);
    assert.equal(headerOf(a.data, "Message-ID"), a.messageId);
  });

  test("has both alternatives, plain text first, under one boundary", () => {
    const { data } = buildMessage(notice, FROM, NOW);
    const boundary = /boundary="([^"]+)"/.exec(headerOf(data, "Content-Type") ?? "")?.[1];
    assert.ok(boundary?.startsWith("=_gf_"));
    const types = [...data.matchAll(/^Content-Type: (text\/\w+); charset=utf-8$/gm)].map((m) => m[1]);
    assert.deepEqual(types, ["text/plain", "text/html"]);
    assert.equal(data.split(`--${boundary}`).length, 4);
    assert.ok(data.endsWith(`--${boundary}--\r\n`));
  });

  test("without HTML it is a single text/plain body", () => {
    const { data } = buildMessage({ ...notice, html: undefined }, FROM, NOW);
    assert.equal(headerOf(data, "Content-Type"), "text/plain; charset=utf-8");
  });

  test("marks automatic and urgent notices", () => {
    const { data } = buildMessage(notice, FROM, NOW);
    assert.equal(headerOf(data, "Auto-Submitted"), "auto-generated");
    assert.equal(headerOf(data, "Importance"), "high");
    assert.equal(headerOf(buildMessage({ ...notice, urgent: false }, FROM, NOW).data, "Importance"), undefined);
  });

  test("writes the Date in RFC 5322 form with a numeric zone", () => {
    assert.equal(rfc5322Date(NOW), "Thu, 19 Nov 2009 08:05:09 +0000");
    assert.equal(headerOf(buildMessage(notice, FROM, NOW).data, "Date"), "Thu, 19 Nov 2009 08:05:09 +0000");
  });
});
