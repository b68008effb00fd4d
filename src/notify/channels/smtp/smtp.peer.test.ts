// The e-mail channel against an aiosmtpd sink (test/peers/notify/smtp-sink.py), whose saved
// messages are read back through Python's own e-mail parser.

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { PeerProcess, probe, requireAvailable, skipUnless } from "../../../../test/peers/notify/peer-process.ts";
import type { OutboundMessage } from "../channel.ts";
import { createSmtpChannel, type SmtpChannel } from "./index.ts";

const SINK = new URL("../../../../test/peers/notify/smtp-sink.py", import.meta.url).pathname;
// The Debian package installs aiosmtpd for the system interpreter, which PATH may shadow.
const PYTHON = "/usr/bin/python3";
const aiosmtpd = probe(PYTHON, ["-c", "import aiosmtpd"], "aiosmtpd is not installed for /usr/bin/python3 (Debian: python3-aiosmtpd)");

interface Saved {
  mail_from: string;
  rcpt_tos: string[];
  auth_login: string | null;
  message: {
    subject: string;
    from: string;
    message_id: string;
    content_type: string;
    auto_submitted: string | null;
    defects: string[];
    parts: {
      content_type: string;
      charset: string;
      transfer_encoding: string;
      content: string;
    }[];
  };
}

const notice: OutboundMessage = {
  idempotencyKey: "notice-7:email",
  to: "client@example.org",
  subject: "Itinérance : 80 % de votre limite de 50 € atteints",
  text: "Bonjour,\n\nVous avez consommé 40,00 € de données à l'étranger (Belgique).\n.\nÀ 50 €, l'accès sera coupé ; répondez OUI pour le réactiver. Ça reste gratuit.",
  html: "<p>Bonjour,</p><p>Vous avez consommé <b>40,00 €</b> de données à l'étranger.</p><p>Ça reste gratuit.</p>",
  urgent: true,
};

/** Python keeps the wire's CRLF and the line end that closes the part. */
function body(content: string | undefined): string {
  return (content ?? "").replace(/\r\n/g, "\n").replace(/\n$/, "");
}

describe("e-mail channel against an aiosmtpd sink", {
  skip: skipUnless(aiosmtpd),
}, () => {
  let sink: PeerProcess;
  let outdir: string;
  let port: number;

  function channel(credentials = ""): SmtpChannel {
    const made = createSmtpChannel(new URL(`smtp://${credentials}127.0.0.1:${port}?from=alertes@gardefou.example&from_name=Garde-fou`), {
      timings: { replyTimeoutMs: 5_000 },
      now: () => new Date("2009-11-19T08:00:00Z"),
    });
    assert.ok(made.ok);
    return made.value;
  }

  async function sendAndRead(c: SmtpChannel, m: OutboundMessage) {
    const seen = sink.count((e) => e.event === "message");
    const result = await c.send(m);
    assert.equal(result.ok, true, JSON.stringify(result));
    const event = await sink.waitForNth((e) => e.event === "message", seen + 1);
    return {
      result,
      saved: JSON.parse(readFileSync(String(event.file), "utf8")) as Saved,
    };
  }

  before(async () => {
    requireAvailable(aiosmtpd);
    outdir = mkdtempSync(join(tmpdir(), "gf-smtp-"));
    const started = await PeerProcess.start(PYTHON, [SINK, outdir, "--auth", "gardefou:s3cret"]);
    sink = started.peer;
    port = started.port;
  });

  after(async () => {
    await sink?.stop();
    if (outdir !== undefined) rmSync(outdir, { recursive: true, force: true });
  });

  test("delivers both alternatives with accents intact, as Python's parser reads them", async () => {
    const { result, saved } = await sendAndRead(channel(), notice);
    assert.deepEqual(result, { ok: true, peerId: "sink-1" });
    assert.equal(saved.mail_from, "alertes@gardefou.example");
    assert.deepEqual(saved.rcpt_tos, ["client@example.org"]);
    const m = saved.message;
    assert.deepEqual(m.defects, []);
    assert.equal(m.subject, notice.subject);
    assert.equal(m.from, "Garde-fou <alertes@gardefou.example>");
    assert.equal(m.content_type, "multipart/alternative");
    assert.equal(m.auto_submitted, "auto-generated");
    assert.match(m.message_id, /^<gf\.[0-9a-f]{32}@gardefou\.example>$/);
    assert.deepEqual(
      m.parts.map((p) => [p.content_type, p.charset, p.transfer_encoding]),
      [
        ["text/plain", "utf-8", "quoted-printable"],
        ["text/html", "utf-8", "quoted-printable"],
      ],
    );
    // The lone "." line survived dot-stuffing.
    assert.equal(body(m.parts[0]?.content), notice.text);
    assert.equal(body(m.parts[1]?.content), notice.html);
  });

  test("authenticates with AUTH PLAIN when the URL carries credentials", async () => {
    const { saved } = await sendAndRead(channel("gardefou:s3cret@"), {
      ...notice,
      html: undefined,
    });
    assert.equal(saved.auth_login, "gardefou");
    assert.equal(saved.message.content_type, "text/plain");
    assert.equal(body(saved.message.parts[0]?.content), notice.text);
  });

  test("wrong credentials are final", async () => {
    const result = await channel("gardefou:wrong@").send(notice);
    assert.equal(!result.ok && result.code, "smtp_auth_failed");
    assert.equal(!result.ok && result.retryable, false);
  });

  test("a 4xx on RCPT is retryable, a 5xx is not", async () => {
    const temp = await channel().send({
      ...notice,
      to: "tempfail@example.org",
    });
    assert.deepEqual(temp, {
      ok: false,
      retryable: true,
      code: "smtp_recipient_rejected",
      message: "RCPT answered 451 4.3.0 sink: temporary failure, as asked",
    });
    const final = await channel().send({ ...notice, to: "reject@example.org" });
    assert.equal(!final.ok && final.code, "smtp_recipient_rejected");
    assert.equal(!final.ok && final.retryable, false);
  });

  test("an address that could inject SMTP commands is refused before connecting", async () => {
    const result = await channel().send({
      ...notice,
      to: "a@example.org>\r\nRCPT TO:<b@example.org",
    });
    assert.equal(!result.ok && result.code, "invalid_recipient");
  });
});

test("e-mail channel: an unreachable server is retryable", async () => {
  const made = createSmtpChannel(new URL("smtp://127.0.0.1:1?from=alertes@gardefou.example"));
  assert.ok(made.ok);
  const result = await made.value.send(notice);
  assert.equal(!result.ok && result.code, "smtp_connection_lost");
  assert.equal(!result.ok && result.retryable, true);
});
