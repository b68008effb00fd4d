import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { App } from "../src/app/index.ts";
import { LINES_HEADER } from "../src/demo/records.ts";
import type { UsageInput } from "../src/engine/index.ts";
import { channelFromUrl, NoticeTemplates, type OutboundMessage } from "../src/notify/index.ts";
import { report } from "./report.ts";
import { BenchSmsc } from "./smsc.ts";

const msisdn = (i: number) => `3361${String(i).padStart(7, "0")}`;

function linesCsv(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => `B${i},A${i},2080120${String(i).padStart(8, "0")},${msisdn(i)},pro-everywhere-95,,fr,95.00`);
  return `${LINES_HEADER}\n${rows.join("\n")}\n`;
}

/** A first record in Belgium: the line's roaming welcome, and nothing else (10 KiB, 0.10 EUR). */
function roaming(i: number, recordId: string): UsageInput {
  return {
    recordId,
    lineId: `B${i}`,
    imsi: undefined,
    msisdn: undefined,
    service: "data",
    startedMs: Date.now() - 60_000,
    durationS: 60,
    bytesUp: 0,
    bytesDown: 10 * 1024,
    servingPlmn: "20610",
    ratingGroup: undefined,
    sessionId: undefined,
    lineNo: i + 1,
    raw: "",
  };
}

function p99(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] as number;
}

/**
 * notify.latency_p99_ms: from the commit of a usage record to the SMSC's receipt of its notice
 * (the whole SMS, every part), one notice at a time, through the engine, the outbox, the
 * dispatcher, the templates and the SMPP channel; baseline: the same SMSC's round trip of a
 * bare one-part submit_sm from the same channel.
 * notify.sms_per_s: notices a second, from a burst of `burst` committed notices to the last
 * one's receipt; baseline: the same texts sent by the channel alone, with the dispatcher's concurrency.
 */
export async function benchNotify(samples: number, burst: number): Promise<void> {
  if (!BenchSmsc.available()) {
    process.stderr.write("bench notify: skipped, perl with Net::SMPP is not installed (Debian: libnet-smpp-perl)\n");
    return;
  }
  const smsc = await BenchSmsc.start();
  const dir = mkdtempSync(join(tmpdir(), "gf-bench-notify-"));
  const url = `smpp://bench:secret@127.0.0.1:${smsc.port}?source=GARDEFOU`;
  const app = await App.open({ dbPath: join(dir, "notify.db"), notify: { smpp: url, dispatcher: { concurrency: 32 } } });
  try {
    await app.importLinesText(linesCsv(samples + burst), "bench-lines.csv");
    let committedAt = 0;
    app.engine.events.on("committed", () => {
      committedAt = performance.now();
    });
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const received = smsc.next(msisdn(i));
      await app.engine.submit([roaming(i, `lat-${i}`)], "bench");
      latencies.push((await received) - committedAt);
    }
    const parts = smsc.submits / smsc.messages;

    const before = smsc.messages;
    const records = Array.from({ length: burst }, (_, k) => roaming(samples + k, `burst-${k}`));
    const start = performance.now();
    const done = smsc.messagesReach(before + burst);
    await app.engine.submit(records, "bench");
    const rate = burst / (((await done) - start) / 1000);
    await app.notices.idle();

    const channel = channelFromUrl(url);
    if (!channel.ok) throw new Error("channel");
    const bare: number[] = [];
    const message = (i: number, text: string): OutboundMessage => ({ idempotencyKey: `bare-${i}-${text.length}`, to: msisdn(i), text, urgent: false });
    for (let i = 0; i < samples; i++) {
      const received = smsc.next(msisdn(i));
      const t0 = performance.now();
      await channel.value.send(message(i, "Garde-fou"));
      bare.push((await received) - t0);
    }
    const text = await renderedWelcome(app);
    const queue = Array.from({ length: burst }, (_, k) => k);
    const rawStart = performance.now();
    const rawDone = smsc.messagesReach(smsc.messages + burst);
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        for (let k = queue.shift(); k !== undefined; k = queue.shift()) await channel.value.send(message(samples + k, text));
      }),
    );
    const rawRate = burst / (((await rawDone) - rawStart) / 1000);
    await channel.value.close();

    report({
      name: "notify.latency_p99_ms",
      value: p99(latencies),
      unit: "ms",
      baseline: p99(bare),
      target: "≤ 1000 ms",
      notes: `${samples} roaming welcomes one at a time, commit → SMSC receipt of the whole SMS (${parts.toFixed(1)} submit_sm per notice, GSM 03.38); baseline: p99 round trip of a bare 1-part submit_sm; median ${median(latencies).toFixed(1)} ms vs ${median(bare).toFixed(1)} ms`,
    });
    report({
      name: "notify.sms_per_s",
      value: rate,
      unit: "sms/s",
      baseline: rawRate,
      notes: `${burst} notices committed at once, to the last one's receipt (SQLite synchronous=FULL, 32 lines in parallel); baseline: the same ${parts.toFixed(1)}-part texts through the SMPP channel alone, 32 in flight`,
    });
  } finally {
    await app.close();
    smsc.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** The text the dispatcher sent for the first welcome, so that the baseline sends the same parts. */
async function renderedWelcome(app: App): Promise<string> {
  const [first] = await app.notices.list({ kind: "roaming_welcome", limit: 1 });
  const templates = NoticeTemplates.load({ currency: app.catalog.currency, selfCareUrl: "https://self-care.garde-fou.example" });
  if (!templates.ok || !first) throw new Error("no welcome to copy");
  const r = templates.templates.render(first.payload);
  if (!r.ok) throw new Error(r.message);
  return r.notice.sms;
}
