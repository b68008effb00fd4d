// The SMS channel against an SMSC sink written on Perl's Net::SMPP (test/peers/notify/).

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { type PeerEvent, PeerProcess, probe, requireAvailable, skipUnless } from "../../../../test/peers/notify/peer-process.ts";
import type { InboundSms, OutboundMessage } from "../channel.ts";
import { encodeGsm7 } from "./gsm7.ts";
import { createSmppChannel, type SmppChannel } from "./index.ts";

const SINK = new URL("../../../../test/peers/notify/smsc-sink.pl", import.meta.url).pathname;
const perl = probe("perl", ["-MNet::SMPP", "-MJSON::PP", "-MEncode::GSM0338", "-e1"], "perl with Net::SMPP is not installed (Debian: libnet-smpp-perl)");

const THROTTLED = "33699000058";
const UNKNOWN_NUMBER = "33699000011";

function message(over: Partial<OutboundMessage>): OutboundMessage {
  return {
    idempotencyKey: "notice-1:sms",
    to: "33612345678",
    text: "test",
    urgent: false,
    ...over,
  };
}

const isSubmit = (e: PeerEvent) => e.event === "submit_sm";

describe("SMS channel against a Net::SMPP SMSC", {
  skip: skipUnless(perl),
}, () => {
  let sink: PeerProcess;
  let channel: SmppChannel;
  let control: string;
  let orders = 0;
  const replies: InboundSms[] = [];

  function order(body: Record<string, unknown>): void {
    orders += 1;
    const tmp = join(control, `${orders}.tmp`);
    writeFileSync(tmp, JSON.stringify(body));
    renameSync(tmp, join(control, `${String(orders).padStart(4, "0")}.json`));
  }

  /** Sends and returns the submit_sm events the sink logged for it. */
  async function sendAndCollect(m: OutboundMessage, parts = 1) {
    const seen = sink.count(isSubmit);
    const result = await channel.send(m);
    await sink.waitForNth(isSubmit, seen + parts);
    return { result, submits: sink.events.filter(isSubmit).slice(seen) };
  }

  before(async () => {
    requireAvailable(perl);
    control = mkdtempSync(join(tmpdir(), "gf-smsc-"));
    const started = await PeerProcess.start("perl", [
      SINK,
      "0",
      `--control=${control}`,
      "--password=secret",
      `--status=${THROTTLED}=0x58`,
      `--status=${UNKNOWN_NUMBER}=0x0b`,
    ]);
    sink = started.peer;
    const url = `smpp://gardefou:secret@127.0.0.1:${started.port}?source=GARDEFOU&system_type=GF`;
    const made = createSmppChannel(new URL(url), {
      onDeliver: (sms) => {
        replies.push(sms);
      },
      timings: {
        enquireLinkMs: 300,
        reconnectInitialMs: 50,
        reconnectMaxMs: 200,
        bindWaitMs: 3_000,
      },
    });
    assert.ok(made.ok);
    channel = made.value;
  });

  after(async () => {
    await channel?.close();
    await sink?.stop();
    if (control !== undefined) rmSync(control, { recursive: true, force: true });
  });

  test("binds as a transceiver with system_id, system_type and version 3.4", async () => {
    const bind = await sink.waitFor((e) => e.event === "bind");
    assert.deepEqual(bind, {
      event: "bind",
      system_id: "gardefou",
      system_type: "GF",
      interface_version: 0x34,
      accepted: true,
    });
  });

  test("French text that fits GSM 03.38 goes as data_coding 0, accents intact", async () => {
    const text = "Garde-fou : 80 % de votre limite (50 €) est atteint à l'étranger. Répondez OUI.";
    const { result, submits } = await sendAndCollect(message({ text, urgent: true }));
    const [submit] = submits;
    assert.deepEqual(result, { ok: true, peerId: "sink-1" });
    assert.equal(submit?.data_coding, 0);
    assert.equal(submit?.esm_class, 0);
    assert.equal(submit?.text, text);
    assert.equal(submit?.priority_flag, 1);
    assert.deepEqual([submit?.source_addr, submit?.source_addr_ton, submit?.destination_addr, submit?.dest_addr_ton], ["GARDEFOU", 5, "33612345678", 1]);
  });

  test("French text with ç and ê goes as UCS-2 (data_coding 8)", async () => {
    const text = "Reçu : accès aux données à l'étranger suspendu, fenêtre de 24 h.";
    const { result, submits } = await sendAndCollect(message({ text }));
    assert.equal(result.ok, true);
    assert.equal(submits[0]?.data_coding, 8);
    assert.equal(submits[0]?.text, text);
  });

  test("a long text arrives as correctly numbered parts of one message", async () => {
    const sentence = "Votre consommation de données en itinérance a atteint la limite de 50 €. ";
    const text = sentence.repeat(6).trim();
    const { result, submits } = await sendAndCollect(message({ text }), 3);
    assert.equal(result.ok, true);
    assert.equal(result.ok && result.peerId.split(",").length, 3);
    assert.equal(submits.length, 3);
    const udh = submits.map((s) => s.udh as { ref: number; total: number; seq: number; ies: string[] });
    assert.deepEqual(
      udh.map((u) => [u.ies, u.total, u.seq]),
      [
        [["00"], 3, 1],
        [["00"], 3, 2],
        [["00"], 3, 3],
      ],
    );
    assert.equal(new Set(udh.map((u) => u.ref)).size, 1);
    assert.ok(submits.every((s) => s.esm_class === 0x40 && s.data_coding === 0));
    assert.equal(submits.map((s) => s.text).join(""), text);
  });

  test("a long UCS-2 text with an emoji keeps every character across parts", async () => {
    const text = `${"Coupure préventive : ça protège votre facture. ".repeat(3)}👍`;
    const { submits } = await sendAndCollect(message({ text }), 3);
    assert.ok(submits.every((s) => s.data_coding === 8));
    assert.equal(submits.map((s) => s.text).join(""), text);
  });

  test("throttling is retryable, an unknown number is not", async () => {
    const throttled = await sendAndCollect(message({ to: THROTTLED }));
    assert.deepEqual(throttled.result, {
      ok: false,
      retryable: true,
      code: "smpp_throttled",
      message: "submit_sm answered ESME_RTHROTTLED",
    });
    const unknown = await sendAndCollect(message({ to: UNKNOWN_NUMBER }));
    assert.equal(unknown.result.ok, false);
    assert.equal(!unknown.result.ok && unknown.result.code, "smpp_destination_invalid");
    assert.equal(!unknown.result.ok && unknown.result.retryable, false);
  });

  test("a customer's reply (deliver_sm) reaches onDeliver, decoded, and is acknowledged", async () => {
    const acks = sink.count((e) => e.event === "deliver_sm_resp");
    order({
      op: "deliver_sm",
      from: "33612345678",
      to: "GARDEFOU",
      text: "OUI",
    });
    order({
      op: "deliver_sm",
      from: "33612345678",
      to: "GARDEFOU",
      text: "Oui, ça me va",
    });
    await sink.waitForNth((e) => e.event === "deliver_sm_resp" && e.status === 0, acks + 2);
    assert.deepEqual(replies, [
      { from: "33612345678", to: "GARDEFOU", text: "OUI" },
      { from: "33612345678", to: "GARDEFOU", text: "Oui, ça me va" },
    ]);
  });

  test("keeps the link alive with enquire_link and answers the SMSC's own", async () => {
    await sink.waitFor((e) => e.event === "enquire_link");
    order({ op: "enquire_link" });
    const resp = await sink.waitFor((e) => e.event === "enquire_link_resp");
    assert.equal(resp.status, 0);
  });

  test("rebinds after the connection drops, and after the SMSC unbinds", async () => {
    const binds = sink.count((e) => e.event === "bind");
    order({ op: "drop" });
    await sink.waitForNth((e) => e.event === "bind", binds + 1);
    const afterDrop = await sendAndCollect(message({ text: "encore là" }));
    assert.equal(afterDrop.result.ok, true);

    order({ op: "unbind" });
    const resp = await sink.waitFor((e) => e.event === "unbind_resp");
    assert.equal(resp.status, 0);
    await sink.waitForNth((e) => e.event === "bind", binds + 2);
    const afterUnbind = await sendAndCollect(message({ text: "toujours là" }));
    assert.equal(afterUnbind.result.ok, true);
  });

  test("our GSM 03.38 table agrees with Perl's Encode::GSM0338", () => {
    const dump = spawnSync(
      "perl",
      [
        "-MEncode::GSM0338",
        "-MJSON::PP",
        "-e",
        "print JSON::PP->new->encode({ map { (sprintf('%x', ord $_), unpack('H*', $Encode::GSM0338::UNI2GSM{$_})) } keys %Encode::GSM0338::UNI2GSM })",
      ],
      { encoding: "utf8" },
    );
    const theirs = JSON.parse(dump.stdout) as Record<string, string>;
    const mismatches = Object.entries(theirs).filter(([codePoint, hex]) => {
      const ours = encodeGsm7(String.fromCodePoint(Number.parseInt(codePoint, 16)));
      return !ours.ok || ours.septets.toString("hex") !== hex;
    });
    assert.deepEqual(mismatches, []);
    // And nothing beyond their table: every character they lack must be refused by us too.
    const extra = ["ç", "ê", "â", "î", "ô", "û", "ë", "ï", "œ", "`", "Ê"].filter((c) => encodeGsm7(c).ok);
    assert.deepEqual(extra, []);
  });

  test("close unbinds politely", async () => {
    await channel.close();
    await sink.waitFor((e) => e.event === "unbind");
    const afterClose = await channel.send(message({}));
    assert.equal(!afterClose.ok && afterClose.code, "smpp_closed");
  });
});

describe("SMS channel with refused credentials", {
  skip: skipUnless(perl),
}, () => {
  test("fails retryably with the bind's status while the SMSC refuses the password", async () => {
    requireAvailable(perl);
    const { peer, port } = await PeerProcess.start("perl", [SINK, "0", "--password=secret"]);
    const made = createSmppChannel(new URL(`smpp://gardefou:wrong@127.0.0.1:${port}`), {
      timings: {
        bindWaitMs: 400,
        reconnectInitialMs: 50,
        reconnectMaxMs: 100,
      },
    });
    assert.ok(made.ok);
    try {
      await peer.waitFor((e) => e.event === "bind" && e.accepted === false);
      const result = await made.value.send(message({}));
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.code, "smpp_not_bound");
      assert.equal(!result.ok && result.retryable, true);
      assert.match(!result.ok ? result.message : "", /ESME_RINVPASWD/);
    } finally {
      await made.value.close();
      await peer.stop();
    }
  });
});
