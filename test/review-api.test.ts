import assert from "node:assert/strict";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { InjectOptions } from "fastify";
import { buildServer } from "../src/api/index.ts";
import { App } from "../src/app/index.ts";
import { LINES_HEADER, USAGE_HEADER } from "../src/demo/records.ts";
import { physicianLine, physicianUsage, valenciennesLine, valenciennesUsage } from "../src/demo/story.ts";
import { snapshot } from "./helpers/review.ts";
import { NOVEMBER_2009, tempDir } from "./helpers/temp.ts";

const INVOICE = "INV-2009-10-A-PHYSICIAN";

/** The review desk and the plan migration on the HTTP API: the same operations as the CLI. */
describe("review desk over HTTP", async () => {
  const dir = tempDir();
  const db = join(dir, "review-api.db");
  const app = await App.open({ dbPath: db, clock: NOVEMBER_2009 });
  const server = buildServer(app, { webDir: false });
  await app.importLinesText(`${[LINES_HEADER, physicianLine(), valenciennesLine()].join("\n")}\n`, "lines.csv");
  await app.importUsageText(`${[USAGE_HEADER, ...physicianUsage(), ...valenciennesUsage()].join("\n")}\n`, "csv", "usage.csv");
  await app.closePeriod("2009-10", "test");
  const tokens = {
    reviewer: (await app.createToken({ role: "reviewer", name: "ana" }, "test")).token,
    analyst: (await app.createToken({ role: "analyst", name: "bo" }, "test")).token,
    valenciennes: (await app.createToken({ role: "customer", accountId: "A-VALENCIENNES" }, "test")).token,
    physician: (await app.createToken({ role: "customer", accountId: "A-PHYSICIAN" }, "test")).token,
  };
  const as = (who: keyof typeof tokens, opts: InjectOptions) =>
    server.inject({ ...opts, headers: { authorization: `Bearer ${tokens[who]}`, ...opts.headers } });
  const post = (who: keyof typeof tokens, url: string, payload: object) => as(who, { method: "POST", url, payload });
  after(async () => {
    await server.close();
    await app.close();
  });

  it("lists the held invoice", async () => {
    const held = await as("reviewer", { url: "/api/v1/review/held" });
    assert.equal(held.statusCode, 200);
    const physician = (held.json() as { invoice_id: string; total_excl_tax: string; hold_reasons: { code: string }[] }[]).find((h) => h.invoice_id === INVOICE);
    assert.equal(physician?.total_excl_tax, "159212.00");
    assert.ok(physician?.hold_reasons.some((r) => r.code === "amount_above_threshold"));
  });

  it("answers bad input with problem+json and a 4xx, changing nothing", async () => {
    const cases: [string, object, number, string][] = [
      ["credit-notes", { amount: "200000.00", reason: "too much" }, 400, "credit_exceeds_balance"],
      ["credit-notes", { amount: 12.34, reason: "a float" }, 400, "invalid_request"],
      ["rerate", { plan_id: "pro-nothing" }, 400, "unknown_plan"],
      ["payment-plan", { instalments: 2, amounts: ["30.00", "30.00"] }, 400, "payment_plan_mismatch"],
      ["contacts", { outcome: "maybe" }, 400, "invalid_outcome"],
      ["release", {}, 400, "missing_reason"],
    ];
    const before = snapshot(db);
    for (const [action, body, status, code] of cases) {
      const r = await post("reviewer", `/api/v1/invoices/${INVOICE}/${action}`, body);
      assert.deepEqual([r.statusCode, r.json().code], [status, code], `${action} ${JSON.stringify(body)}`);
      assert.match(String(r.headers["content-type"]), /application\/problem\+json/);
    }
    const missing = await post("reviewer", "/api/v1/invoices/INV-NOPE/release", { reason: "x" });
    assert.deepEqual([missing.statusCode, missing.json().code], [404, "unknown_invoice"]);
    assert.equal(snapshot(db), before);
  });

  it("lets a reviewer, not an analyst, settle: re-rate, release, and then refuses a second release", async () => {
    assert.equal((await post("analyst", `/api/v1/invoices/${INVOICE}/contacts`, { outcome: "reached" })).statusCode, 403);
    const rerated = await post("reviewer", `/api/v1/invoices/${INVOICE}/rerate`, { plan_id: "pro-unlimited" });
    assert.equal(rerated.statusCode, 201);
    assert.deepEqual(rerated.json().balance, { excl_tax: "50.00", tax: "9.80", incl_tax: "59.80", credited_excl_tax: "159162.00" });
    assert.match(rerated.json().credit_notes[0].actor, /^ana\b/, "the token's name: who decided");
    const released = await post("reviewer", `/api/v1/invoices/${INVOICE}/release`, { reason: "re-rated" });
    assert.deepEqual([released.statusCode, released.json().invoice.status], [200, "issued"]);
    const again = await post("reviewer", `/api/v1/invoices/${INVOICE}/release`, { reason: "again" });
    assert.deepEqual([again.statusCode, again.json().code], [409, "invalid_state"]);
  });

  it("serves the PDF to staff and to the invoice's own customer only", async () => {
    const pdf = await as("physician", { url: `/api/v1/invoices/${INVOICE}/pdf?locale=en` });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers["content-type"], "application/pdf");
    assert.equal(pdf.rawPayload.subarray(0, 8).toString("latin1"), "%PDF-1.4");
    assert.equal((await as("valenciennes", { url: `/api/v1/invoices/${INVOICE}/pdf` })).statusCode, 403);
  });

  it("simulates (JSON and CSV) for analysts, and migrates for them but not for reviewers", async () => {
    const body = { lines: ["PHY-0001", "VAL-0001"], to: "pro-unlimited", periods: ["2009-10"] };
    const sim = await post("analyst", "/api/v1/simulations", body);
    assert.equal(sim.statusCode, 200);
    assert.deepEqual(sim.json().totals, {
      lines: 2,
      old_total_excl_tax: "159357.00",
      new_total_excl_tax: "195.00",
      delta: "-159162.00",
      paying_more: 0,
      paying_less: 1,
      unchanged: 1,
    });
    const csv = await post("analyst", "/api/v1/simulations?format=csv", body);
    assert.match(String(csv.headers["content-type"]), /text\/csv/);
    assert.equal(csv.body.split("\r\n")[1], "PHY-0001,A-PHYSICIAN,pro-everywhere-50,159212.00,50.00,-159162.00,false");
    const migration = { from: "pro-everywhere-50", to: "pro-unlimited", at: "2009-12" };
    assert.equal((await post("reviewer", "/api/v1/migrations", migration)).statusCode, 403);
    const moved = await post("analyst", "/api/v1/migrations", migration);
    assert.deepEqual([moved.statusCode, moved.json().lines, moved.json().applies_when], [201, 1, "when 2009-11 is closed"]);
    const pending = await post("analyst", "/api/v1/migrations", migration);
    assert.deepEqual([pending.statusCode, pending.json().code], [409, "plan_change_pending"]);
  });
});
