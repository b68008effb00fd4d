import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import Database from "better-sqlite3";
import type { SimulationView } from "../src/app/index.ts";
import { DEFAULT_SEGMENT, generateSegment } from "../src/demo/index.ts";
import { USAGE_HEADER } from "../src/demo/records.ts";
import type { InvoiceDocument } from "../src/domain/index.ts";
import { parsePayload } from "../src/notify/templates/payload.ts";
import { gardefou, json } from "./helpers/cli.ts";
import { gardefouHere, snapshot } from "./helpers/review.ts";
import { tempDir } from "./helpers/temp.ts";

/** Sums decimal strings exactly (cents as BigInt), as a script reading the JSON would. */
function cents(values: readonly string[]): string {
  let total = 0n;
  for (const v of values) total += BigInt(v.replace(".", ""));
  const negative = total < 0n;
  const s = (negative ? -total : total).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** The 2009 segment (300 lines here, 4,000 in the demo) moved to pro-unlimited, through the CLI. */
describe("plan migration of the 2009 segment", () => {
  const dir = tempDir();
  const db = join(dir, "segment.db");
  const segment = generateSegment({ ...DEFAULT_SEGMENT, lines: 300 });
  const on50 = segment.linesCsv.split("\n").filter((l) => l.includes(",pro-everywhere-50,")).length;
  const here = async (...args: string[]) => {
    const r = await gardefouHere(["--db", db, ...args]);
    assert.equal(r.code, 0, r.stderr);
    return r.stdout;
  };

  before(async () => {
    writeFileSync(join(dir, "lines.csv"), segment.linesCsv);
    writeFileSync(join(dir, "usage.csv"), segment.usageCsv);
    await here("import", "lines", join(dir, "lines.csv"));
    await here("import", "usage", join(dir, "usage.csv"));
  });

  it("simulates pro-unlimited on October's usage: per line and in all, who would pay more, and writes nothing", () => {
    const before = snapshot(db);
    const csv = join(dir, "simulation.csv");
    const view = json<SimulationView>(
      gardefou(["--db", db, "simulate", "--from", "pro-everywhere-50", "--to", "pro-unlimited", "--period", "2009-10", "--json", "--csv", csv]),
    );
    assert.equal(snapshot(db), before, "a simulation has no side effect");
    assert.equal(view.lines.length, on50);
    const physician = view.lines.find((l) => l.line_id === "PHY-0001");
    assert.deepEqual(
      [physician?.old_total_excl_tax, physician?.new_total_excl_tax, physician?.delta, physician?.pays_more],
      ["159212.00", "50.00", "-159162.00", false],
    );
    assert.equal(view.totals.paying_more, 0, "the same fee, unlimited at home: nobody pays more");
    assert.deepEqual(view.who_pays_more, []);
    assert.equal(view.totals.paying_less + view.totals.unchanged, on50);
    assert.equal(view.totals.old_total_excl_tax, cents(view.lines.map((l) => l.old_total_excl_tax)));
    assert.equal(view.totals.new_total_excl_tax, cents(view.lines.map((l) => l.new_total_excl_tax)));
    assert.equal(view.totals.delta, cents(view.lines.map((l) => l.delta)));
    const rows = csvRows(csv);
    assert.equal(rows[0], "line_id,account_id,plan_id,old_total_excl_tax,new_total_excl_tax,delta,pays_more");
    assert.ok(rows.includes("PHY-0001,A-PHYSICIAN,pro-everywhere-50,159212.00,50.00,-159162.00,false"));
    assert.equal(rows.length, on50 + 1);
  });

  it("shows who would pay more: the 50 EUR lines on the 95 EUR plan pay 45.00 more each", async () => {
    const view = JSON.parse(
      await here("simulate", "--from", "pro-everywhere-50", "--to", "pro-everywhere-95", "--period", "2009-10", "--json"),
    ) as SimulationView;
    assert.equal(view.totals.paying_more, on50);
    assert.ok(view.who_pays_more.every((w) => w.delta === "45.00"));
  });

  it("takes a segment of lines across plans; Valenciennes keeps its fee and its cut-off", async () => {
    const view = JSON.parse(await here("simulate", "--lines", "VAL-0001,PHY-0001", "--to", "pro-unlimited", "--period", "2009-10", "--json")) as SimulationView;
    assert.deepEqual(
      view.lines.map((l) => [l.line_id, l.old_total_excl_tax, l.new_total_excl_tax]),
      [
        ["PHY-0001", "159212.00", "50.00"],
        ["VAL-0001", "145.00", "145.00"],
      ],
    );
  });

  it("migrates at the next cycle boundary, each line notified with its own before and after", async () => {
    const result = json<{ lines: number; applied: boolean; applies_when: string; notices: number }>(
      gardefou(["--db", db, "migrate", "--from", "pro-everywhere-50", "--to", "pro-unlimited", "--at", "2009-11", "--actor", "ops", "--json"]),
    );
    assert.deepEqual([result.lines, result.applied, result.applies_when, result.notices], [on50, false, "when 2009-10 is closed", on50]);
    const store = new Database(db, { readonly: true });
    const row = store.prepare("SELECT key, kind, payload FROM outbox WHERE key = ?").get("PHY-0001:2009-11:migration:pro-unlimited") as {
      kind: string;
      payload: string;
    };
    const count = store.prepare("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'plan_migration'").get() as { n: number };
    store.close();
    assert.equal(count.n, on50);
    assert.equal(parsePayload(row.payload).ok, true, "the notice dispatcher's templates can render it");
    const payload = JSON.parse(row.payload) as Record<string, unknown>;
    assert.deepEqual(
      [payload.plan_before, payload.plan_after, payload.total_before, payload.total_after, payload.delta],
      [
        { id: "pro-everywhere-50", name: "3G+ Internet pro everywhere 24h/24 (50)", monthly_fee: "50.00" },
        { id: "pro-unlimited", name: "3G+ Internet pro unlimited", monthly_fee: "50.00" },
        "159212.00",
        "50.00",
        "-159162.00",
      ],
    );
    const before = snapshot(db);
    const again = await gardefouHere(["--db", db, "migrate", "--from", "pro-everywhere-50", "--to", "pro-unlimited", "--at", "2009-12"]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /\[plan_change_pending\]/);
    const unknown = await gardefouHere(["--db", db, "migrate", "--from", "pro-everywhere-50", "--to", "pro-nothing", "--at", "2009-12"]);
    assert.match(unknown.stderr, /\[unknown_plan\]/);
    assert.equal(snapshot(db), before);
  });

  it("closing October bills it on the old plan, then puts the lines on the new one", async () => {
    await here("close", "--period", "2009-10");
    const invoices = JSON.parse(await here("invoices", "--period", "2009-10", "--json")) as InvoiceDocument[];
    const physician = invoices.find((i) => i.account_id === "A-PHYSICIAN");
    assert.deepEqual([physician?.status, physician?.total_excl_tax, physician?.lines[0]?.plan_id], ["held", "159212.00", "pro-everywhere-50"]);
    const line = JSON.parse(await here("lines", "show", "PHY-0001", "--json")) as { plan_id: string };
    assert.equal(line.plan_id, "pro-unlimited");
    const late = await gardefouHere(["--db", db, "migrate", "--lines", "L00001", "--to", "pro-unlimited", "--at", "2009-10"]);
    assert.match(late.stderr, /\[period_closed\]|\[empty_segment\]/);
  });

  it("rates a late October record on the old plan and November on the new one", async () => {
    const file = join(dir, "late.csv");
    // 1,024 KiB more in October: past the legacy allowance, 0.0002 a KiB = 0.20; 10 GiB in November: unlimited.
    writeFileSync(
      file,
      `${USAGE_HEADER}\nlate-1,PHY-0001,data,2009-10-31T22:00:00+01:00,60,0,${1024 * 1024},20801,late\nnov-1,PHY-0001,data,2009-11-05T10:00:00+01:00,60,0,${10 * 1024 ** 3},20801,nov\n`,
    );
    await here("import", "usage", file);
    await here("close", "--period", "2009-11");
    const invoices = JSON.parse(await here("invoices", "--period", "2009-11", "--json")) as InvoiceDocument[];
    const physician = invoices.find((i) => i.account_id === "A-PHYSICIAN");
    assert.deepEqual(
      physician?.lines.map((l) => [l.kind, l.plan_id ?? l.original_period ?? l.zone, l.amount_excl_tax]),
      [
        ["subscription", "pro-unlimited", "50.00"],
        ["adjustment", "2009-10", "0.20"],
        ["domestic_data", "home", "0.00"],
      ],
    );
    assert.deepEqual([physician?.total_excl_tax, physician?.status], ["50.20", "issued"]);
  });
});

function csvRows(file: string): string[] {
  return readFileSync(file, "utf8").trimEnd().split("\r\n");
}
