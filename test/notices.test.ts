// Notices end to end in one process, on the log channel: once per threshold across restarts,
// consent by HTTP and CLI with its re-armed thresholds, the operators' outbox commands.
import assert from "node:assert/strict";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, it } from "node:test";
import { buildServer } from "../src/api/index.ts";
import { App } from "../src/app/index.ts";
import { main } from "../src/cli/main.ts";
import { dataRecord, LINES_HEADER, parisTime, USAGE_HEADER } from "../src/demo/records.ts";
import { valenciennesLine, valenciennesUsage } from "../src/demo/story.ts";
import { tempDir } from "./helpers/temp.ts";

/** Late October 2009, so that the cut-off happened in the current period and consent applies to it. */
const OCTOBER_31 = { now: () => Date.parse("2009-10-31T12:00:00+01:00") };

interface LogLine {
  idempotency_key: string;
  to: string;
  text: string;
  urgent: boolean;
}

function logSink() {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { lines, stream };
}

async function open(db: string, stream: Writable, perLine = 5) {
  return App.open({
    dbPath: db,
    clock: OCTOBER_31,
    synchronous: "NORMAL",
    notify: { logStream: stream, selfCareUrl: "https://self-care.example", dispatcher: { perLine: { max: perLine, windowMs: 3_600_000 } } },
  });
}

const usage = (rows: string[]) => `${USAGE_HEADER}\n${rows.join("\n")}\n`;

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** An API token of a role (the customer's is bound to the Valenciennes account). */
async function bearer(app: App, role: "admin" | "customer"): Promise<{ authorization: string }> {
  const request = role === "admin" ? { role, name: "ops" } : { role, accountId: "A-VALENCIENNES", name: "valenciennes" };
  return { authorization: `Bearer ${(await app.createToken(request, "test")).token}` };
}

describe("notices through the app", () => {
  const dir = tempDir();

  it("the Valenciennes month, with a restart in the middle, tells each threshold once", async () => {
    const db = join(dir, "restart.db");
    const log = logSink();
    const records = valenciennesUsage();
    let app = await open(db, log.stream);
    await app.importLinesText(`${LINES_HEADER}\n${valenciennesLine()}\n`, "lines.csv");
    await app.importUsageText(usage(records.slice(0, 20)), "csv", "first-half.csv");
    await app.notices.idle();
    await app.close();
    app = await open(db, log.stream);
    const second = await app.importUsageText(usage(records), "csv", "whole-month.csv");
    assert.equal(second.duplicates, 20);
    await app.notices.idle();
    await app.close();
    const keys = log.lines.map((l) => l.idempotency_key);
    assert.equal(new Set(keys).size, keys.length, "nothing sent twice");
    // The anomaly detector may add its own (abnormal_usage, once per reason): not usage thresholds.
    const usageNotices = log.lines.filter((l) => !l.idempotency_key.includes(":anomaly:"));
    assert.deepEqual(
      usageNotices.map((l) => [l.idempotency_key, l.urgent]),
      [
        ["VAL-0001:2009-10:welcome:BE:sms", false],
        ["VAL-0001:2009-10:cap:eu-roaming-data:80:sms", false],
        ["VAL-0001:2009-10:cap:eu-roaming-data:100:sms", true],
      ],
    );
  });

  it("consent over HTTP re-opens the line, is confirmed, and re-arms the cap's thresholds", async () => {
    const db = join(dir, "consent.db");
    const log = logSink();
    // Six notices within the hour of a fixed clock: above the default per-line rate of five.
    const app = await open(db, log.stream, 10);
    const server = buildServer(app);
    try {
      await app.importLinesText(`${LINES_HEADER}\n${valenciennesLine()}\n`, "lines.csv");
      await app.importUsageText(usage(valenciennesUsage().slice(0, 30)), "csv", "usage.csv");
      // Self-care: the customer's own token, which reaches only its account's lines.
      const headers = await bearer(app, "customer");
      const post = (body: object) => server.inject({ method: "POST", url: "/api/v1/lines/VAL-0001/consent", payload: body, headers });
      const first = await post({ cap_id: "eu-roaming-data" });
      assert.equal(first.statusCode, 201, first.body);
      const { at: _at, notice_id: _n, actor, ...rest } = first.json();
      assert.deepEqual(rest, { line_id: "VAL-0001", cap_id: "eu-roaming-data", period: "2009-10", channel: "http", recorded: true });
      assert.match(actor, /^valenciennes \(/);
      assert.equal((await post({ cap_id: "eu-roaming-data" })).json().recorded, false);
      assert.equal((await post({ cap_id: "no-such-cap" })).statusCode, 404);
      assert.equal((await server.inject({ method: "POST", url: "/api/v1/lines/VAL-0001/consent", payload: { cap_id: "eu-roaming-data" } })).statusCode, 401);

      const admin = await bearer(app, "admin");
      const line = (await server.inject({ url: "/api/v1/lines/VAL-0001", headers: admin })).json() as { caps: { id: string; state: string }[] };
      assert.equal(line.caps[0]?.state, "consented");
      // Usage after consent is billed, and the thresholds speak again at 90.00 and 100.00.
      const more = Array.from({ length: 10 }, (_, i) => dataRecord(`after-consent-${i}`, "VAL-0001", parisTime(2009, 10, 31, 10 + i, 0), 1_000, "20610", 60));
      const imported = await app.importUsageText(usage(more), "csv", "after-consent.csv");
      assert.equal(imported.accepted, 10);
      await app.notices.idle();
      const notices = (await server.inject({ url: "/api/v1/notices?line_id=VAL-0001", headers: admin })).json() as {
        kind: string;
        threshold?: number;
        status: string;
      }[];
      assert.deepEqual(
        notices.filter((n) => n.kind !== "abnormal_usage").map((n) => [n.kind, n.threshold ?? null, n.status]),
        [
          ["roaming_welcome", null, "sent"],
          ["cap_warning", 80, "sent"],
          ["cap_reached", 100, "sent"],
          ["consent_confirmed", null, "sent"],
          ["cap_warning", 180, "sent"],
          ["cap_reached", 200, "sent"],
        ],
      );
      const texts = log.lines.filter((l) => !l.idempotency_key.includes(":anomaly:")).map((l) => l.text);
      assert.match(texts[3] ?? "", /^Garde-fou : c'est noté \(en ligne\), l'accès aux données à l'étranger est rouvert/);
      assert.match(texts[5] ?? "", /vous en êtes à 100,\d\d € HT \(données à l'étranger\), soit 200 % de votre limite de 50,00 €/);
    } finally {
      await server.close();
      await app.close();
    }
  });

  it("other features enqueue their notices once, validated", async () => {
    const log = logSink();
    const app = await open(join(dir, "enqueue.db"), log.stream);
    const server = buildServer(app);
    try {
      await app.importLinesText(`${LINES_HEADER}\n${valenciennesLine()}\n`, "lines.csv");
      const headers = await bearer(app, "admin");
      const held = { line_id: "VAL-0001", kind: "invoice_held", period: "2009-10", key: "INV-1", data: { invoice_id: "INV-1", total_excl_tax: "45923.61" } };
      assert.equal((await server.inject({ method: "POST", url: "/api/v1/notices", payload: held, headers })).statusCode, 201);
      assert.deepEqual((await server.inject({ method: "POST", url: "/api/v1/notices", payload: held, headers })).json(), { id: 1, inserted: false });
      const bad = await server.inject({ method: "POST", url: "/api/v1/notices", payload: { ...held, key: "INV-2", data: { invoice_id: "INV-2" } }, headers });
      assert.deepEqual([bad.statusCode, bad.json().code], [400, "notice_data_invalid"]);
      await app.notices.idle();
      assert.equal(
        log.lines[0]?.text,
        "Garde-fou : votre facture pour octobre 2009 (45 923,61 € HT) est retenue pour vérification avant envoi. Un conseiller vous contactera ; rien ne sera prélevé d'ici là.",
      );
    } finally {
      await server.close();
      await app.close();
    }
  });

  it("operators list dead letters and replay them, by CLI and HTTP", async () => {
    const db = join(dir, "dead.db");
    const app = await App.open({ dbPath: db, clock: OCTOBER_31 });
    await app.importLinesText(`${LINES_HEADER}\n${valenciennesLine()}\n`, "lines.csv");
    await app.importUsageText(usage(valenciennesUsage().slice(0, 2)), "csv", "usage.csv");
    const outbox = app.notices.outbox;
    await outbox.claimDue("2009-10-31T11:00:00.000Z", "2009-10-31T11:02:00.000Z", 1);
    await outbox.settle(1, { status: "dead", attempts: 1, error: "sms: smpp_destination_invalid: submit_sm answered ESME_RINVDSTADR" });
    const server = buildServer(app);
    const dead = (await server.inject({ url: "/api/v1/notices?status=dead", headers: await bearer(app, "admin") })).json() as {
      id: number;
      last_error: string;
    }[];
    assert.deepEqual(
      dead.map((d) => d.id),
      [1],
    );
    await server.close();
    await app.close();

    // The CLI in this process (the real one is spawned by the other CLI tests): four commands.
    const listed = JSON.parse((await cli(["--db", db, "notices", "--status", "dead", "--json"])).stdout) as {
      id: number;
      status: string;
      last_error: string;
    }[];
    assert.deepEqual(
      listed.map((n) => [n.id, n.status, n.last_error]),
      [[1, "dead", "sms: smpp_destination_invalid: submit_sm answered ESME_RINVDSTADR"]],
    );
    const replay = await cli(["--db", db, "notices", "replay", "1"]);
    assert.equal(replay.code, 0, replay.stderr);
    assert.match(replay.stdout, /notice 1 \(roaming_welcome, line VAL-0001\) is pending again/);
    const again = await cli(["--db", db, "notices", "replay", "1"]);
    assert.deepEqual(
      [again.code, again.stderr.trim()],
      [1, "gardefou: notice 1 is pending: only dead or expired notices are replayed [notice_not_replayable]"],
    );
    const consent = await cli(["--db", db, "lines", "consent", "VAL-0001", "--cap", "eu-roaming-data", "--period", "2009-10", "--json"]);
    assert.equal((JSON.parse(consent.stdout) as { channel: string }).channel, "cli");
  });
});
