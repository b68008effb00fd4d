// The Valenciennes month against real peers: an SMSC on Perl's Net::SMPP, an SMTP server on
// aiosmtpd, a local webhook receiver. Exactly the welcome, the 80 % warning and the cut-off
// reach each of them, once, across a restart of the app in the middle of the replay; then the
// customer answers "OUI" by SMS and the line is re-opened, with a confirmation.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { App, type NotifyConfig } from "../src/app/index.ts";
import { LINES_HEADER, USAGE_HEADER } from "../src/demo/records.ts";
import { valenciennesLine, valenciennesUsage } from "../src/demo/story.ts";
import { NoticeTemplates } from "../src/notify/index.ts";
import { type PeerEvent, PeerProcess, probe, requireAvailable, skipUnless } from "./peers/notify/peer-process.ts";
import { WebhookReceiver } from "./peers/notify/webhook-receiver.ts";

const SMSC = new URL("./peers/notify/smsc-sink.pl", import.meta.url).pathname;
const SMTP = new URL("./peers/notify/smtp-sink.py", import.meta.url).pathname;
const perl = probe("perl", ["-MNet::SMPP", "-MJSON::PP", "-MEncode::GSM0338", "-e1"], "perl with Net::SMPP is not installed (Debian: libnet-smpp-perl)");
const aiosmtpd = probe("/usr/bin/python3", ["-c", "import aiosmtpd"], "aiosmtpd is not installed for /usr/bin/python3 (Debian: python3-aiosmtpd)");
const peers = perl.available ? aiosmtpd : perl;

const NOW = Date.parse("2009-10-31T12:00:00+01:00");
const SECRET = "valenciennes-2009-webhook";
const MSISDN = "33327000001";

interface Sms {
  readonly dataCoding: number;
  readonly text: string;
  readonly parts: number;
}

/** Reassembles the sink's submit_sm events into messages (a line's parts arrive in order). */
function messages(events: readonly PeerEvent[]): Sms[] {
  const out: Sms[] = [];
  let current: { dataCoding: number; text: string; parts: number } | undefined;
  for (const e of events.filter((x) => x.event === "submit_sm")) {
    const udh = e.udh as { seq: number; total: number } | null;
    if (!udh || udh.seq === 1) current = { dataCoding: Number(e.data_coding), text: "", parts: 0 };
    if (!current) throw new Error("a part without its first part");
    current.text += String(e.text);
    current.parts++;
    if (!udh || udh.seq === udh.total) out.push(current);
  }
  return out;
}

describe("notices reach people: Valenciennes against an SMSC, an SMTP server and a webhook", { skip: skipUnless(peers) }, () => {
  let smsc: PeerProcess;
  let smtp: PeerProcess;
  let hook: WebhookReceiver;
  let control: string;
  let mails: string;
  let dir: string;
  let config: NotifyConfig;
  const db = () => join(dir, "valenciennes.db");
  const open = () => App.open({ dbPath: db(), clock: { now: () => NOW }, synchronous: "NORMAL", notify: config });
  const usage = (rows: string[]) => `${USAGE_HEADER}\n${rows.join("\n")}\n`;

  before(async () => {
    requireAvailable(perl);
    requireAvailable(aiosmtpd);
    dir = mkdtempSync(join(tmpdir(), "gf-notices-"));
    control = join(dir, "smsc-orders");
    mails = join(dir, "mails");
    mkdirSync(control);
    mkdirSync(mails);
    const s = await PeerProcess.start("perl", [SMSC, "0", `--control=${control}`, "--password=secret"]);
    smsc = s.peer;
    const m = await PeerProcess.start("/usr/bin/python3", [SMTP, mails]);
    smtp = m.peer;
    hook = await WebhookReceiver.start(SECRET, () => Math.floor(NOW / 1000));
    config = {
      smpp: `smpp://gardefou:secret@127.0.0.1:${s.port}?source=GARDEFOU`,
      smtp: `smtp://127.0.0.1:${m.port}?from=alertes@garde-fou.example&from_name=Garde-fou`,
      webhook: hook.url,
      webhookSecret: SECRET,
      selfCareUrl: "https://self-care.garde-fou.example",
      smppTimings: { reconnectInitialMs: 50, reconnectMaxMs: 200, bindWaitMs: 5_000 },
      smtpTimings: { replyTimeoutMs: 5_000 },
    };
  });

  after(async () => {
    await hook?.close();
    await smsc?.stop();
    await smtp?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("exactly the welcome, the 80 % warning and the cut-off, once each, across a restart", async () => {
    const records = valenciennesUsage();
    const half = Math.floor(records.length / 2);
    let app = await open();
    await app.importLinesText(`${LINES_HEADER}\n${valenciennesLine()}\n`, "lines.csv");
    await app.importUsageText(usage(records.slice(0, half)), "csv", "first-half.csv");
    await app.close(); // mid-replay: whatever was not claimed yet waits in the outbox
    app = await open();
    const rest = await app.importUsageText(usage(records), "csv", "whole-month.csv");
    assert.deepEqual([rest.accepted, rest.duplicates], [records.length - half, half]);
    await app.anomalies.flush(); // what the watch raises from this usage goes out too, before we look
    await app.notices.idle();
    const outbox = await app.notices.list({ lineId: "VAL-0001" });
    await app.close();

    // The usage thresholds: exactly three, each sent once on every route. The anomaly detector
    // may add its own notices (abnormal_usage, once per reason): they are checked like the rest.
    assert.deepEqual(
      outbox.filter((e) => e.kind !== "abnormal_usage").map((e) => [e.kind, e.status, e.deliveries.map((d) => d.channel).sort()]),
      [
        ["roaming_welcome", "sent", ["email", "sms", "webhook"]],
        ["cap_warning", "sent", ["email", "sms", "webhook"]],
        ["cap_reached", "sent", ["email", "sms", "webhook"]],
      ],
    );
    const sent = outbox.filter((e) => e.status === "sent");
    const templates = NoticeTemplates.load({ currency: "EUR", selfCareUrl: "https://self-care.garde-fou.example" });
    assert.ok(templates.ok);
    const expected = sent.map((e) => {
      const r = templates.templates.render(e.payload);
      assert.ok(r.ok);
      return { kind: e.kind, urgent: e.urgent, key: e.key, ...r.notice };
    });
    const usageIndex = expected.flatMap((n, i) => (n.kind === "abnormal_usage" ? [] : [i]));

    // SMS: what Perl's Encode decoded from the wire is our French text, accents included, once
    // each. The welcome and the warning fit GSM 03.38 (é, è, à, €); "arrêté" does not: UCS-2.
    const sms = messages(smsc.events);
    assert.deepEqual(
      sms.map((m) => m.text),
      expected.map((n) => n.sms),
    );
    assert.deepEqual(
      usageIndex.map((i) => sms[i]?.dataCoding),
      [0, 0, 8],
    );
    const [welcome, , cutoff] = usageIndex.map((i) => sms[i]?.text ?? "");
    assert.match(welcome ?? "", /réseau étranger \(Belgique\)\. Vos prix : données 0,01 € par Ko/);
    assert.match(cutoff ?? "", /limite de 50,00 € HT atteinte .* Accès arrêté .* continuer à 0,01 € par Ko, répondez OUI/);
    const submits = smsc.events.filter((e) => e.event === "submit_sm");
    assert.ok(submits.every((e) => e.destination_addr === MSISDN && e.source_addr === "GARDEFOU"));
    assert.deepEqual(
      submits.map((e) => e.priority_flag),
      expected.flatMap((n, i) => Array.from({ length: sms[i]?.parts ?? 0 }, () => (n.urgent ? 1 : 0))),
      "only the cut-off is sent with priority",
    );

    // E-mail: one message per notice, subjects and HTML with their accents, one Message-ID each.
    const saved = smtp.events
      .filter((e) => e.event === "message")
      .map(
        (e) =>
          JSON.parse(readFileSync(String(e.file), "utf8")) as {
            rcpt_tos: string[];
            message: { subject: string; message_id: string; parts: { content_type: string; content: string }[]; defects: string[] };
          },
      );
    assert.deepEqual(
      saved.map((s) => s.message.subject),
      expected.map((n) => n.subject),
    );
    assert.equal(saved[usageIndex[2] ?? -1]?.message.subject, "Limite de 50,00 € atteinte : accès arrêté (données à l'étranger)");
    assert.equal(new Set(saved.map((s) => s.message.message_id)).size, expected.length);
    assert.ok(saved.every((s) => s.rcpt_tos[0] === "valenciennes@example.org" && s.message.defects.length === 0));
    assert.match(saved[usageIndex[0] ?? -1]?.message.parts[1]?.content ?? "", /<li>données : 0,01 € par Ko<\/li>/);

    // Webhook: one signed call per notice, the receiver's check passes on each.
    assert.deepEqual(
      hook.calls.map((c) => [c.signature.ok, c.headers["idempotency-key"], (JSON.parse(c.body) as { kind: string }).kind]),
      expected.map((n) => [true, `${n.key}:webhook`, n.kind]),
    );
    assert.deepEqual(
      usageIndex.map((i) => hook.calls[i]?.headers["idempotency-key"]),
      ["VAL-0001:2009-10:welcome:BE:webhook", "VAL-0001:2009-10:cap:eu-roaming-data:80:webhook", "VAL-0001:2009-10:cap:eu-roaming-data:100:webhook"],
    );
  });

  test("the customer answers OUI by SMS: consent recorded, line re-opened, confirmation sent", async () => {
    const app = await open();
    try {
      const before = { sms: messages(smsc.events).length, hooks: hook.calls.length, mails: smtp.count((e) => e.event === "message") };
      const acks = smsc.count((e) => e.event === "deliver_sm_resp" && e.status === 0);
      await smsc.waitForNth((e) => e.event === "bind", 3, 5_000);
      const tmp = join(control, "oui.tmp");
      writeFileSync(tmp, JSON.stringify({ op: "deliver_sm", from: MSISDN, to: "GARDEFOU", text: "Oui" }));
      renameSync(tmp, join(control, "0001.json"));
      await smsc.waitForNth((e) => e.event === "deliver_sm_resp" && e.status === 0, acks + 1, 5_000);
      await app.notices.idle();
      const after = messages(smsc.events);
      assert.equal(after.length, before.sms + 1);
      assert.match(after.at(-1)?.text ?? "", /^Garde-fou : c'est noté \(par SMS\), l'accès aux données à l'étranger est rouvert jusqu'à fin octobre 2009\./);
      const line = await app.line("VAL-0001", "2009-10");
      assert.equal(line.caps[0]?.state, "consented");
      const consents = await app.store.loadConsents();
      assert.deepEqual(
        consents.map((c) => [c.lineId, c.capId, c.period, c.actor, c.channel]),
        [["VAL-0001", "eu-roaming-data", "2009-10", `msisdn:${MSISDN}`, "sms"]],
      );
      assert.equal(hook.calls.length, before.hooks + 1);
      assert.equal(
        smtp.count((e) => e.event === "message"),
        before.mails + 1,
      );
    } finally {
      await app.close();
    }
  });
});
