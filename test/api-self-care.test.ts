import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildServer } from "../src/api/index.ts";
import { bearer, startWebDemo, type WebDemo } from "./helpers/web-demo.ts";

describe("HTTP API: caps, series, catalog, operations", () => {
  let demo: WebDemo;
  before(async () => {
    demo = await startWebDemo({ lines: 60 });
  });
  after(async () => demo.close());

  it("shows the roaming limit, then sets another one, the default again and an opt-out", async () => {
    const h = bearer(demo.tokens.customer);
    const url = "/api/v1/lines/VAL-0001/roaming-limit";
    const first = (await demo.server.inject({ url, headers: h })).json();
    assert.deepEqual([first.catalog_limit, first.limit, first.opt_out, first.effective_limit], ["50.00", null, false, "50.00"]);
    const own = await demo.server.inject({ method: "PUT", url, headers: h, payload: { limit: "20.00", opt_out: false } });
    assert.equal(own.statusCode, 200);
    assert.deepEqual([own.json().limit, own.json().effective_limit], ["20.00", "20.00"]);
    // In force for the very next record: the engine's line carries the new cap, and the store too.
    assert.equal(demo.app.engine.lines.get("VAL-0001")?.caps[0]?.limit, 20_000_000);
    assert.equal((await demo.app.store.getLine("VAL-0001"))?.roamingCap, 20_000_000);
    const out = await demo.server.inject({ method: "PUT", url, headers: h, payload: { limit: null, opt_out: true } });
    assert.deepEqual([out.json().opt_out, out.json().effective_limit], [true, null]);
    assert.equal(demo.app.engine.lines.get("VAL-0001")?.caps.length, 0);
    const back = await demo.server.inject({ method: "PUT", url, headers: h, payload: { limit: null, opt_out: false } });
    assert.deepEqual([back.json().limit, back.json().effective_limit], [null, "50.00"]);
  });

  it("refuses a malformed limit with every problem listed", async () => {
    const h = bearer(demo.tokens.customer);
    const url = "/api/v1/lines/VAL-0001/roaming-limit";
    const res = await demo.server.inject({ method: "PUT", url, headers: h, payload: { limit: 20.5, opt_out: "no", extra: 1 } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, "invalid_request");
    assert.equal(res.json().details.length, 3);
    const both = await demo.server.inject({ method: "PUT", url, headers: h, payload: { limit: "20.00", opt_out: true } });
    assert.deepEqual([both.statusCode, both.json().code], [400, "invalid_request"]);
    const cents = await demo.server.inject({ method: "PUT", url, headers: h, payload: { limit: "20.001", opt_out: false } });
    assert.equal(cents.statusCode, 400);
  });

  it("re-authorises open sessions when a limit changes (the engine's consent event)", async () => {
    const seen: string[] = [];
    const listener = (c: { lineId: string; channel: string }) => seen.push(`${c.lineId}:${c.channel}`);
    demo.app.engine.events.on("consent", listener);
    await demo.server.inject({
      method: "PUT",
      url: "/api/v1/lines/L00001/roaming-limit",
      headers: bearer(demo.tokens.reviewer),
      payload: { limit: "80.00", opt_out: false },
    });
    demo.app.engine.events.off("consent", listener);
    assert.deepEqual(seen, ["L00001:http"]);
  });

  it("answers 404 for an unknown line to staff", async () => {
    const res = await demo.server.inject({ url: "/api/v1/lines/NOPE/roaming-limit", headers: bearer(demo.tokens.admin) });
    assert.deepEqual([res.statusCode, res.json().code], [404, "unknown_line"]);
  });

  it("gives line 360's series: days of the period, zones, caps and the moment of the cut-off", async () => {
    const res = await demo.server.inject({ url: "/api/v1/lines/VAL-0001/series?period=2009-10", headers: bearer(demo.tokens.analyst) });
    assert.equal(res.statusCode, 200);
    const s = res.json();
    assert.equal(s.dates.length, 31);
    assert.deepEqual([s.dates[0], s.dates[30]], ["2009-10-01", "2009-10-31"]);
    assert.deepEqual([...new Set(s.daily.map((d: { zone: string }) => d.zone))].sort(), ["eu", "home"]);
    const billed = s.daily.filter((d: { zone: string }) => d.zone === "eu").map((d: { spend: string }) => d.spend);
    assert.equal(billed[0], "50.00", "the whole limit is billed on the first day");
    assert.ok(
      billed.slice(1).every((v: string) => v === "0.00"),
      "nothing after the cut-off",
    );
    const kinds = s.markers.map((m: { kind: string; threshold: number }) => `${m.kind}:${m.threshold}`);
    assert.deepEqual(
      kinds.filter((k: string) => k.startsWith("cap") || k.startsWith("cut")),
      ["cap_warning:80", "cap_reached:100", "cut_off:100"],
    );
    assert.equal(s.markers.find((m: { kind: string }) => m.kind === "cut_off").at, "2009-09-30T22:00:00.000Z", "the first hour of October in Paris");
    assert.equal(s.hold_threshold, "200.00");
    const bad = await demo.server.inject({ url: "/api/v1/lines/VAL-0001/series?period=2009-13", headers: bearer(demo.tokens.analyst) });
    assert.deepEqual([bad.statusCode, bad.json().code], [400, "invalid_request"]);
  });

  it("reads the catalog", async () => {
    const res = await demo.server.inject({ url: "/api/v1/catalog", headers: bearer(demo.tokens.customer) });
    assert.equal(res.statusCode, 200);
    const eu = res.json().caps.find((c: { id: string }) => c.id === "eu-roaming-data");
    assert.deepEqual([eu.limit, eu.customer_limit, eu.notices], ["50.00", true, [80, 100]]);
    assert.deepEqual(
      res.json().hold_rules.find((r: { code: string }) => r.code === "amount_above_threshold"),
      { code: "amount_above_threshold", kind: "amount_above", threshold: "200.00" },
    );
  });

  it("pages lists with limit and offset, X-Total-Count and Link", async () => {
    const h = bearer(demo.tokens.reviewer);
    const first = await demo.server.inject({ url: "/api/v1/invoices?status=held&sort=total_desc&limit=2", headers: h });
    assert.equal(first.json().length, 2);
    const total = Number(first.headers["x-total-count"]);
    assert.ok(total > 2);
    assert.equal(first.json()[0].invoice_id, "INV-2009-10-A-PHYSICIAN", "largest first");
    assert.match(String(first.headers.link), /^<\/api\/v1\/invoices\?status=held&sort=total_desc&limit=2&offset=2>; rel="next"$/);
    const last = await demo.server.inject({ url: `/api/v1/invoices?status=held&sort=total_desc&limit=2&offset=${total - 1}`, headers: h });
    assert.equal(last.json().length, 1);
    assert.match(String(last.headers.link), /rel="prev"/);
    const lines = await demo.server.inject({ url: "/api/v1/lines?limit=5&offset=5", headers: h });
    assert.deepEqual([lines.json().lines.length, lines.json().total], [5, 60]);
    const tooBig = await demo.server.inject({ url: "/api/v1/lines?limit=5000", headers: h });
    assert.equal(tooBig.statusCode, 400);
  });

  it("publishes an OpenAPI 3.1 document generated from the request schemas", async () => {
    const res = await demo.server.inject({ url: "/api/openapi.json" });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, "3.1.0");
    const put = doc.paths["/api/v1/lines/{lineId}/roaming-limit"].put;
    const body = put.requestBody.content["application/json"].schema;
    assert.deepEqual(body.required, ["limit", "opt_out"]);
    assert.equal(body.additionalProperties, false);
    assert.deepEqual(put["x-roles"], ["admin", "reviewer", "customer (line)"]);
    assert.ok(put.responses["401"] && put.responses["403"] && put.responses["429"]);
    const list = doc.paths["/api/v1/invoices"].get;
    assert.deepEqual(
      list.parameters.map((p: { name: string }) => p.name),
      ["limit", "offset", "period", "status", "account_id", "sort"],
    );
    assert.deepEqual(doc.paths["/healthz"].get.security, []);
    // Routes registered without a schema are still listed, with their path parameters.
    assert.ok(doc.paths["/api/v1/lines/{lineId}/policy"].get.parameters.some((p: { name: string }) => p.name === "lineId"));
  });

  it("answers /healthz, /readyz and /metrics without a token", async () => {
    assert.deepEqual((await demo.server.inject({ url: "/healthz" })).json(), { status: "ok" });
    const ready = await demo.server.inject({ url: "/readyz" });
    assert.deepEqual([ready.statusCode, ready.json().status], [200, "ready"]);
    const metrics = await demo.server.inject({ url: "/metrics" });
    assert.match(String(metrics.headers["content-type"]), /^text\/plain; version=0\.0\.4/);
    assert.match(metrics.body, /# TYPE gardefou_http_requests_total counter/);
    assert.match(metrics.body, /gardefou_http_requests_total\{method="GET",route="\/readyz",status="200"\} 1/);
    assert.match(metrics.body, /gardefou_invoices\{status="held"\} \d+/);
    assert.match(metrics.body, /gardefou_lines 60/);
    assert.match(metrics.body, /gardefou_http_request_duration_seconds_bucket\{route="\/healthz",le="\+Inf"\} 1/);
  });

  it("readyz answers 503 once the store is gone", async () => {
    const other = await startWebDemo({ lines: 4 });
    await other.app.store.close();
    const res = await other.server.inject({ url: "/readyz" });
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().status, "not_ready");
    await other.server.close();
  });

  it("keeps IMSIs and MSISDNs out of info-level request logs", async () => {
    const lines: string[] = [];
    const server = buildServer(demo.app, { webDir: false, logLevel: "info", logStream: { write: (l) => lines.push(l) } });
    try {
      const h = bearer(demo.tokens.admin);
      await server.inject({ url: "/api/v1/notices?line_id=208012000000001&kind=336100000001", headers: h });
      await server.inject({ url: "/api/v1/lines/VAL-0001", headers: h });
      await server.inject({
        method: "POST",
        url: "/api/v1/lines",
        headers: { ...h, "content-type": "text/csv" },
        payload: "line_id,account_id,imsi,msisdn,plan_id\nX1,AX,208019999999999,33699999999,nope\n",
      });
    } finally {
      await server.close();
    }
    const text = lines.join("");
    assert.ok(text.includes('"level":30'), "info-level request logs are written");
    for (const id of ["208012000000001", "336100000001", "208019999999999", "33699999999", "208011000000001", "33327000001"]) assert.ok(!text.includes(id), id);
    assert.ok(!text.includes(demo.tokens.admin), "nor the token");
  });
});
