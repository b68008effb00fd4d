import assert from "node:assert/strict";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { App, UserError } from "../src/app/index.ts";
import { FIXTURES, NOVEMBER_2009, tempDir } from "./helpers/temp.ts";

async function freshApp(dir: string, name = "store.db"): Promise<App> {
  const app = await App.open({ dbPath: join(dir, name), clock: NOVEMBER_2009 });
  await app.importLinesFile(join(FIXTURES, "lines.csv"));
  return app;
}

describe("importing usage with bad records", () => {
  it("keeps every reject with its code, and read = accepted + duplicates + rejected", async () => {
    const dir = tempDir();
    const app = await freshApp(dir);
    const file = join(dir, "usage-bad.csv");
    copyFileSync(join(FIXTURES, "usage-bad.csv"), file);
    const report = await app.importUsageFile(file);
    assert.equal(report.read, 16);
    assert.equal(report.read, report.accepted + report.duplicates + report.rejected);
    assert.deepEqual([report.accepted, report.duplicates, report.rejected], [4, 1, 11]);
    assert.deepEqual(report.warnings, ["ignored unknown column(s): note"]);

    const rejects = await app.store.listRejects("usage-bad.csv", 100);
    const codes = Object.fromEntries(rejects.map((r) => [r.recordId ?? `line ${r.lineNo}`, r.code]));
    assert.deepEqual(codes, {
      "ok-1": "record_id_conflict",
      "bad-ts": "invalid_timestamp",
      "bad-tz": "invalid_timestamp",
      neg: "invalid_volume",
      frac: "invalid_volume",
      who: "unknown_line",
      where: "unknown_serving_network",
      "line 13": "missing_record_id",
      "line 14": "wrong_column_count",
      svc: "invalid_service",
      mismatch: "line_mismatch",
    });
    for (const r of rejects) assert.ok(r.message.length > 10 && r.raw.length > 0, `${r.code} has a message and the raw record`);
    const kept = readFileSync(report.rejects_file as string, "utf8")
      .trim()
      .split("\n");
    assert.equal(kept.length, 1 + report.rejected);
    assert.match(kept[0] as string, /^line_no,record_id,code,message,raw$/);
    await app.close();
  });

  it("a second import of the same file changes nothing", async () => {
    const dir = tempDir();
    const app = await freshApp(dir);
    const file = join(dir, "usage-bad.csv");
    copyFileSync(join(FIXTURES, "usage-bad.csv"), file);
    await app.importUsageFile(file);
    const before = await app.line("L0003", "2009-10");
    const again = await app.importUsageFile(file);
    assert.equal(again.accepted, 0);
    assert.equal(again.duplicates, 5);
    assert.equal(again.read, 16);
    assert.deepEqual(await app.line("L0003", "2009-10"), before);
    await app.close();
  });

  it("JSON Lines: malformed JSON, wrong types and missing volumes are coded rejects", async () => {
    const dir = tempDir();
    const app = await freshApp(dir);
    const report = await app.importUsageFile(join(FIXTURES, "usage-bad.jsonl"), { rejectsFile: join(dir, "r.csv") });
    assert.deepEqual([report.read, report.accepted, report.rejected], [6, 1, 5]);
    const codes = (await app.store.listRejects("usage-bad.jsonl", 10)).map((r) => r.code);
    assert.deepEqual(codes, ["invalid_volume", "malformed_json", "malformed_json", "invalid_record_id", "missing_volume"]);
    await app.close();
  });

  it("malformed UTF-8 is rejected for that record only", async () => {
    const dir = tempDir();
    const app = await freshApp(dir);
    const file = join(dir, "utf8.csv");
    const good = "record_id,line_id,service,started_at,bytes_up,bytes_down,serving_plmn\nu-1,L0003,data,2009-10-02T10:00:00Z,1,1,20801\n";
    writeFileSync(
      file,
      Buffer.concat([Buffer.from(good), Buffer.from("u-2,L0003,data,2009-10-02T10:00:00Z,1,1,20801,"), Buffer.from([0xc3, 0x28]), Buffer.from("\n")]),
    );
    const report = await app.importUsageFile(file);
    assert.deepEqual([report.accepted, report.rejected], [1, 1]);
    assert.equal((await app.store.listRejects("utf8.csv", 5))[0]?.code, "malformed_utf8");
    await app.close();
  });

  it("a usage file without the required columns is refused whole", async () => {
    const dir = tempDir();
    const app = await freshApp(dir);
    const file = join(dir, "nohead.csv");
    writeFileSync(file, "id,when\n1,2\n");
    await assert.rejects(app.importUsageFile(file), (e: unknown) => e instanceof UserError && e.code === "invalid_header");
    await app.close();
  });
});

describe("lines files", () => {
  it("a malformed lines file is refused whole with every problem listed", async () => {
    const dir = tempDir();
    const app = await App.open({ dbPath: join(dir, "s.db"), clock: NOVEMBER_2009 });
    const file = join(dir, "lines.csv");
    writeFileSync(
      file,
      "line_id,account_id,imsi,msisdn,plan_id,locale,roaming_cap_eur\nX1,A1,123,33600000001,pro-everywhere-50,fr,50.00\nX2,A2,208010000000002,33600000002,gold,de,abc\nX1,A3,208010000000003,33600000003,pro-unlimited,fr,\n",
    );
    await assert.rejects(app.importLinesFile(file), (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.equal(e.code, "invalid_lines_file");
      const text = e.details.join("\n");
      for (const expected of ["invalid_imsi", "unknown_plan", "invalid_locale", "invalid_amount", "duplicate", "missing_monthly_fee"])
        assert.match(text, new RegExp(expected));
      return true;
    });
    assert.equal(app.engine.lines.size, 0);
    assert.equal((await app.store.loadLines()).length, 0);
    await app.close();
  });
});

describe("state survives a restart", () => {
  it("counters and notices reload from the journal; no notice fires twice", async () => {
    const dir = tempDir();
    const usage = (id: string, kib: number) => `${id},L0003,data,2009-10-06T10:00:00Z,${kib * 1024},0,20610\n`;
    const head = "record_id,line_id,service,started_at,bytes_up,bytes_down,serving_plmn\n";
    let app = await freshApp(dir);
    writeFileSync(join(dir, "a.csv"), head + usage("r-1", 1_700)); // 17.00 of a 20.00 customer limit: 80 % passed
    await app.importUsageFile(join(dir, "a.csv"));
    const first = await app.line("L0003", "2009-10");
    await app.close();

    app = await App.open({ dbPath: join(dir, "store.db"), clock: NOVEMBER_2009 });
    assert.deepEqual(await app.line("L0003", "2009-10"), first);
    writeFileSync(join(dir, "b.csv"), head + usage("r-2", 100) + usage("r-3", 1_000));
    await app.importUsageFile(join(dir, "b.csv"));
    const report = await app.line("L0003", "2009-10");
    assert.deepEqual(
      report.notices.map((n) => `${n.kind}${"threshold" in n ? `:${String(n.threshold)}` : ""}`),
      ["roaming_welcome", "cap_warning:80", "cap_reached:100"],
    );
    assert.equal(report.caps.find((c) => c.id === "eu-roaming-data")?.used, "20.00");
    assert.equal(report.caps.find((c) => c.id === "eu-roaming-data")?.state, "blocked");
    await app.close();
  });
});
