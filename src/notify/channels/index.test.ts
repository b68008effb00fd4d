import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { describe, test } from "node:test";
import { channelFromUrl } from "./index.ts";

describe("channelFromUrl", () => {
  const made: { url: string; name: string; webhookSecret?: string }[] = [
    { url: "log", name: "log" },
    {
      url: "smtp://relay.example:2525?from=alertes@gardefou.example",
      name: "email",
    },
    {
      url: "smtp://user:p%40ss@relay.example?from=alertes@gardefou.example",
      name: "email",
    },
    {
      url: "https://hooks.example.org/gardefou",
      name: "webhook",
      webhookSecret: "0123456789abcdef",
    },
  ];
  for (const c of made) {
    test(`${c.url} → ${c.name}`, async () => {
      const result = channelFromUrl(c.url, {
        webhookSecret: c.webhookSecret,
        logStream: new PassThrough(),
      });
      assert.equal(result.ok && result.value.name, c.name);
      if (result.ok) await result.value.close();
    });
  }

  test("smpp:// makes an SMS channel that binds in the background", async () => {
    const result = channelFromUrl("smpp://gardefou:secret@127.0.0.1:1?source=GARDEFOU", {
      smppTimings: { bindWaitMs: 50 },
    });
    assert.equal(result.ok && result.value.name, "sms");
    if (!result.ok) return;
    const sent = await result.value.send({
      idempotencyKey: "k",
      to: "33612345678",
      text: "t",
      urgent: false,
    });
    assert.equal(!sent.ok && sent.code, "smpp_not_bound");
    await result.value.close();
  });

  const refused: { url: string; codes: string[] }[] = [
    { url: "not a url", codes: ["channel_url_invalid"] },
    { url: "ftp://example.org", codes: ["channel_scheme_unsupported"] },
    { url: "https://hooks.example.org/x", codes: ["webhook_secret_missing"] },
    { url: "smtp://relay.example", codes: ["smtp_from_invalid"] },
    {
      url: "smpp://a-system-id-far-too-long:password-too-long@smsc.example?system_type=WAY_TOO_LONG_TYPE&source=not%20valid%21",
      codes: ["smpp_system_id_invalid", "smpp_password_invalid", "smpp_system_type_invalid", "smpp_source_invalid"],
    },
    {
      url: "smpp://gf@smsc.example?source=36665&source_ton=999",
      codes: ["smpp_address_flag_invalid"],
    },
  ];
  for (const c of refused) {
    test(`refuses ${c.url}, reporting every problem`, () => {
      const result = channelFromUrl(c.url);
      assert.deepEqual(result.ok ? [] : result.problems.map((p) => p.code), c.codes);
    });
  }

  test("never echoes a URL (it may hold a password) in a problem", () => {
    const result = channelFromUrl("smpp://gf:hunter2@[bad");
    assert.ok(!result.ok);
    assert.ok(result.problems.every((p) => !p.message.includes("hunter2")));
  });
});
