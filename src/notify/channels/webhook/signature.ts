// Webhook signatures: X-Gardefou-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">.
// Receivers verify with verifyWebhookSignature; the timestamp bounds replays of a captured call.

import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_VERSION = "v1";

function digest(secret: string, timestamp: string, body: string | Buffer): Buffer {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest();
}

export function signWebhook(secret: string, timestampSeconds: number, body: string | Buffer): string {
  return `${SIGNATURE_VERSION}=${digest(secret, String(timestampSeconds), body).toString("hex")}`;
}

export type SignatureCheck =
  | { ok: true }
  | {
      ok: false;
      code: "signature_malformed" | "timestamp_invalid" | "timestamp_out_of_tolerance" | "signature_mismatch";
      message: string;
    };

/**
 * `body` must be the raw octets received, before any JSON parsing: re-serialising changes them.
 * The signature header may list several comma-separated values (e.g. during a secret rotation);
 * one match is enough. Comparison is constant-time.
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string | number,
  body: string | Buffer,
  signature: string,
  nowSeconds: number,
  toleranceSeconds: number,
): SignatureCheck {
  const ts = String(timestamp).trim();
  if (!/^\d{1,15}$/.test(ts)) {
    return {
      ok: false,
      code: "timestamp_invalid",
      message: "the timestamp is not unix seconds",
    };
  }
  if (Math.abs(nowSeconds - Number(ts)) > toleranceSeconds) {
    return {
      ok: false,
      code: "timestamp_out_of_tolerance",
      message: `the timestamp is more than ${toleranceSeconds} s away from now`,
    };
  }
  const candidates = signature
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.startsWith(`${SIGNATURE_VERSION}=`))
    .map((s) => s.slice(SIGNATURE_VERSION.length + 1));
  if (candidates.length === 0) {
    return {
      ok: false,
      code: "signature_malformed",
      message: `no ${SIGNATURE_VERSION}= signature`,
    };
  }
  const expected = digest(secret, ts, body);
  const matches = candidates.some((hex) => {
    const given = /^[0-9a-fA-F]{64}$/.test(hex) ? Buffer.from(hex, "hex") : Buffer.alloc(0);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches
    ? { ok: true }
    : {
        ok: false,
        code: "signature_mismatch",
        message: "the signature does not match the body",
      };
}
