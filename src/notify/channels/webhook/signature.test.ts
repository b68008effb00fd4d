import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { signWebhook, verifyWebhookSignature } from "./signature.ts";

const SECRET = "whsec_0123456789abcdef";
const TS = 1_258_617_600; // 19 Nov 2009, 08:00 UTC
const BODY = '{"event":"roaming_cap_reached","line":"L0001"}';
// Computed independently with Python's hmac module.
const V1 = "v1=693b9bb608c9c2cc27cb8e09413306358ba260af1845b8a997fd653d7159f952";

describe("webhook signature", () => {
  test("signs HMAC-SHA256 of '<timestamp>.<body>' as v1=<hex>", () => {
    assert.equal(signWebhook(SECRET, TS, BODY), V1);
  });

  const cases: {
    name: string;
    secret?: string;
    timestamp?: string | number;
    body?: string | Buffer;
    signature?: string;
    now?: number;
    expect: string;
  }[] = [
    { name: "the genuine call", expect: "ok" },
    { name: "raw body octets", body: Buffer.from(BODY), expect: "ok" },
    { name: "a timestamp header string", timestamp: String(TS), expect: "ok" },
    {
      name: "several signatures, one valid (rotation)",
      signature: `v1=${"0".repeat(64)}, ${V1}`,
      expect: "ok",
    },
    { name: "within tolerance, clock ahead", now: TS + 300, expect: "ok" },
    {
      name: "a tampered body",
      body: BODY.replace("L0001", "L0002"),
      expect: "signature_mismatch",
    },
    {
      name: "another secret",
      secret: "whsec_another_secret",
      expect: "signature_mismatch",
    },
    {
      name: "a re-dated replay",
      timestamp: TS + 1,
      now: TS + 1,
      expect: "signature_mismatch",
    },
    {
      name: "a stale timestamp",
      now: TS + 301,
      expect: "timestamp_out_of_tolerance",
    },
    {
      name: "a timestamp from the future",
      now: TS - 301,
      expect: "timestamp_out_of_tolerance",
    },
    {
      name: "a non-numeric timestamp",
      timestamp: "yesterday",
      expect: "timestamp_invalid",
    },
    { name: "no v1 entry", signature: "v0=abc", expect: "signature_malformed" },
    {
      name: "truncated hex",
      signature: V1.slice(0, -2),
      expect: "signature_mismatch",
    },
    {
      name: "uppercase hex",
      signature: `v1=${V1.slice(3).toUpperCase()}`,
      expect: "ok",
    },
  ];
  for (const c of cases) {
    test(`verifies ${c.name}: ${c.expect}`, () => {
      const check = verifyWebhookSignature(c.secret ?? SECRET, c.timestamp ?? TS, c.body ?? BODY, c.signature ?? V1, c.now ?? TS, 300);
      assert.equal(check.ok ? "ok" : check.code, c.expect);
    });
  }
});
