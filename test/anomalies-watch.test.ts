import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildServer } from "../src/api/index.ts";
import { App } from "../src/app/index.ts";
import { tempDir } from "./helpers/temp.ts";

/**
 * The watch on committed usage, in-process with a fixed clock: a laptop near the Belgian border
 * with three ordinary months behind it starts to attach to 206-10 in October.
 */
const LINES =
  "line_id,account_id,imsi,msisdn,plan_id\nW1,AW1,208010000000101,33600000101,pro-everywhere-95\nW2,AW2,208010000000102,33600000102,pro-everywhere-95\n";
const HEADER = "record_id,line_id,service,started_at,bytes_up,bytes_down,serving_plmn";
const MIB = 1024 * 1024;

const rec = (id: string, line: string, date: string, hour: number, octets: number, plmn: string) =>
  `${id},${line},data,${date}T${String(hour).padStart(2, "0")}:10:00+02:00,${Math.floor(octets / 10)},${octets - Math.floor(octets / 10)},${plmn}`;

function days(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`);
}

/** July to September: 10 MiB a day at home for both lines. */
function history(): string {
  const rows = [HEADER];
  for (const [m, n] of [
    ["2009-07", 31],
    ["2009-08", 31],
    ["2009-09", 30],
  ] as const) {
    for (const d of days(m, n)) for (const l of ["W1", "W2"]) rows.push(rec(`h-${l}-${d}`, l, d, 10, 10 * MIB, "20801"));
  }
  return `${rows.join("\n")}\n`;
}

/** October 1–12: W1 keeps its 10 MiB at home and, from the 4th, carries 8 MiB more on 206-10; W2 is ordinary. */
function october(): string {
  const rows = [HEADER];
  for (const d of days("2009-10", 12)) {
    rows.push(rec(`o-W1-${d}`, "W1", d, 9, 10 * MIB, "20801"), rec(`o-W2-${d}`, "W2", d, 9, 10 * MIB, "20801"));
    if (d >= "2009-10-04") rows.push(rec(`b-W1-${d}`, "W1", d, 15, 8 * MIB, "20610"));
  }
  return `${rows.join("\n")}\n`;
}

const clockAt = (iso: string) => ({ now: () => Date.parse(iso) });

describe("abnormal consumption as usage is committed", () => {
  const dir = tempDir();
  const db = join(dir, "watch.db");

  it("raises one notice per code and period through the outbox, then holds the invoice at close", async () => {
    const app = await App.open({ dbPath: db, clock: clockAt("2009-11-02T09:00:00+01:00"), synchronous: "NORMAL" });
    try {
      await app.importLinesText(LINES, "lines.csv");
      await app.importUsageText(history(), "csv", "history.csv");
      await app.importUsageText(october(), "csv", "october.csv");
      await app.anomalies.flush();
      // 8 MiB a day at 0.01 EUR per KiB reaches the 50 EUR roaming limit in a day: spend surges too.
      const notices = await app.notices.list({ lineId: "W1", kind: "abnormal_usage" });
      assert.deepEqual(notices.map((n) => n.key).sort(), ["W1:2009-10:anomaly:border_flapping", "W1:2009-10:anomaly:spend_velocity"]);
      const flapping = notices.find((n) => n.key.endsWith(":border_flapping"));
      const payload = JSON.parse(flapping?.payload ?? "{}") as { reason: string; code: string; finding: string };
      assert.equal(payload.code, "border_flapping");
      assert.match(payload.finding, /206-10 \(Belgium\)/, "the staff's message travels beside the customer's sentence");
      assert.match(payload.reason, /^Depuis le 4 octobre, \d+\u202f% de vos données sont passées par un réseau étranger \(Belgique, 206-10\)/);
      assert.equal((await app.notices.list({ lineId: "W2", kind: "abnormal_usage" })).length, 0);

      // The same records again, and a flush: the key is taken, nothing new is written.
      await app.importUsageText(october(), "csv", "october-again.csv");
      await app.anomalies.flush();
      assert.equal((await app.notices.list({ kind: "abnormal_usage" })).length, 2);

      const invoices = await app.closePeriod("2009-10", "test");
      const held = invoices.find((i) => i.accountId === "AW1");
      assert.equal(held?.status, "held");
      const reason = held?.holdReasons.find((r) => r.code === "abnormal_consumption");
      assert.match(reason?.message ?? "", /^line W1: Since 4 Oct, \d+% of traffic via 206-10 \(Belgium\)/);
      assert.equal(invoices.find((i) => i.accountId === "AW2")?.status, "issued");
    } finally {
      await app.close();
    }
  });

  it("lists and dismisses over HTTP; the dismissal outlives a restart", async () => {
    const app = await App.open({ dbPath: db, clock: clockAt("2009-11-03T09:00:00+01:00") });
    const server = buildServer(app, { webDir: false });
    try {
      const { token } = await app.createToken({ role: "reviewer", name: "bob" }, "test");
      const headers = { authorization: `Bearer ${token}` };
      const listed = await server.inject({ url: "/api/v1/anomalies?period=2009-10", headers });
      assert.equal(listed.statusCode, 200);
      const [w1, ...others] = listed.json() as { line_id: string; reasons: { code: string }[] }[];
      assert.deepEqual([w1?.line_id, others.length], ["W1", 0]);
      const dismissed = await server.inject({
        method: "POST",
        url: "/api/v1/anomalies/dismissals",
        headers,
        payload: { line_id: "W1", code: "border_flapping", reason: "a holiday home in Belgium" },
      });
      assert.equal(dismissed.statusCode, 201, dismissed.body);
      const wrong = await server.inject({
        method: "POST",
        url: "/api/v1/anomalies/dismissals",
        headers,
        payload: { line_id: "W1", code: "nope", reason: "x" },
      });
      assert.deepEqual([wrong.statusCode, wrong.json().code], [400, "unknown_reason_code"]);
    } finally {
      await server.close();
      await app.close();
    }
    const again = await App.open({ dbPath: db, clock: clockAt("2009-11-04T09:00:00+01:00") });
    try {
      const [w1] = await again.anomalies.findingsFor(again.period("2009-10"));
      assert.deepEqual(
        w1?.reasons.map((r) => r.code),
        ["spend_velocity"],
      );
      const [d] = await again.anomalies.dismissals("W1");
      assert.deepEqual([d?.code, d?.reason, d?.actor.startsWith("bob (")], ["border_flapping", "a holiday home in Belgium", true]);
    } finally {
      await again.close();
    }
  });

  it("does not announce a period long over: the close holds it anyway", async () => {
    const app = await App.open({ dbPath: join(dir, "late.db"), clock: clockAt("2010-03-01T09:00:00+01:00"), synchronous: "NORMAL" });
    try {
      await app.importLinesText(LINES, "lines.csv");
      await app.importUsageText(history(), "csv", "history.csv");
      await app.importUsageText(october(), "csv", "october.csv");
      await app.anomalies.flush();
      assert.equal((await app.notices.list({ kind: "abnormal_usage" })).length, 0);
      assert.deepEqual(
        (await app.anomalies.findingsFor(app.period("2009-10"))).map((f) => f.lineId),
        ["W1"],
      );
    } finally {
      await app.close();
    }
  });
});
