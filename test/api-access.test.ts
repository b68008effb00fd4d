import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildServer } from "../src/api/index.ts";
import { hashToken } from "../src/app/index.ts";
import { bearer, startWebDemo, type WebDemo } from "./helpers/web-demo.ts";

describe("HTTP API access: tokens, roles, audit, limits", () => {
  let demo: WebDemo;
  before(async () => {
    demo = await startWebDemo({ lines: 60 });
  });
  after(async () => demo.close());

  it("answers 401 without a token, with an unknown one and with a revoked one", async () => {
    for (const headers of [{}, bearer("gf_thisisnotarealtokenthisisnotreal0"), { authorization: "Basic abc" }]) {
      const res = await demo.server.inject({ url: "/api/v1/lines", headers });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().code, "unauthorized");
      assert.equal(res.headers["www-authenticate"], 'Bearer realm="garde-fou"');
    }
    const { token, row } = await demo.app.createToken({ role: "reviewer" }, "test");
    assert.equal((await demo.server.inject({ url: "/api/v1/lines", headers: bearer(token) })).statusCode, 200);
    await demo.app.auth.revokeToken(row.tokenId, new Date().toISOString());
    assert.equal((await demo.server.inject({ url: "/api/v1/lines", headers: bearer(token) })).statusCode, 401);
  });

  it("keeps only the token's SHA-256", async () => {
    const { token, row } = await demo.app.createToken({ role: "analyst", name: "hash check" }, "test");
    assert.equal(row.tokenHash, hashToken(token));
    assert.ok(!JSON.stringify(await demo.app.auth.listTokens()).includes(token));
  });

  it("answers 403 to a role a route does not admit", async () => {
    const close = await demo.server.inject({ method: "POST", url: "/api/v1/periods/2009-11/close", headers: bearer(demo.tokens.reviewer) });
    assert.equal(close.statusCode, 403);
    assert.equal(close.json().code, "forbidden");
    const tokens = await demo.server.inject({ url: "/api/v1/tokens", headers: bearer(demo.tokens.analyst) });
    assert.equal(tokens.statusCode, 403);
    const release = await demo.server.inject({
      method: "POST",
      url: "/api/v1/invoices/INV-2009-10-A-PHYSICIAN/release",
      headers: bearer(demo.tokens.analyst),
      payload: { reason: "x" },
    });
    assert.equal(release.statusCode, 403, "analysts read and simulate; they do not release invoices");
  });

  it("answers 403 to a customer token reaching another account's line, invoice or PDF", async () => {
    const h = bearer(demo.tokens.customer);
    for (const url of [
      "/api/v1/lines/PHY-0001",
      "/api/v1/lines/PHY-0001/series",
      "/api/v1/lines/PHY-0001/roaming-limit",
      "/api/v1/lines/PHY-0001/policy",
      "/api/v1/invoices/INV-2009-10-A-PHYSICIAN",
      "/api/v1/invoices/INV-2009-10-A-PHYSICIAN/pdf",
      "/api/v1/lines/NO-SUCH-LINE",
    ]) {
      const res = await demo.server.inject({ url, headers: h });
      assert.equal(res.statusCode, 403, url);
      assert.equal(res.json().code, "forbidden", url);
    }
    const put = await demo.server.inject({
      method: "PUT",
      url: "/api/v1/lines/PHY-0001/roaming-limit",
      headers: h,
      payload: { limit: "10.00", opt_out: false },
    });
    assert.equal(put.statusCode, 403);
    const consent = await demo.server.inject({ method: "POST", url: "/api/v1/lines/PHY-0001/consent", headers: h, payload: { cap_id: "eu-roaming-data" } });
    assert.equal(consent.statusCode, 403);
    for (const url of ["/api/v1/notices", "/api/v1/review/held", "/api/v1/audit", "/api/v1/rejects"]) {
      assert.equal((await demo.server.inject({ url, headers: h })).statusCode, 403, url);
    }
  });

  it("lets a customer read its own line, invoices and PDF, and lists only its account", async () => {
    const h = bearer(demo.tokens.customer);
    assert.equal((await demo.server.inject({ url: "/api/v1/lines/VAL-0001", headers: h })).statusCode, 200);
    const lines = await demo.server.inject({ url: "/api/v1/lines", headers: h });
    assert.deepEqual(
      lines.json().lines.map((l: { line_id: string }) => l.line_id),
      ["VAL-0001"],
    );
    const invoices = await demo.server.inject({ url: "/api/v1/invoices", headers: h });
    assert.deepEqual(
      invoices.json().map((i: { account_id: string }) => i.account_id),
      ["A-VALENCIENNES"],
    );
    const forced = await demo.server.inject({ url: "/api/v1/invoices?account_id=A-PHYSICIAN", headers: h });
    assert.deepEqual(
      forced.json().map((i: { account_id: string }) => i.account_id),
      ["A-VALENCIENNES"],
      "a customer's account filter cannot be widened",
    );
    const pdf = await demo.server.inject({ url: "/api/v1/invoices/INV-2009-10-A-VALENCIENNES/pdf", headers: h });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers["content-type"], "application/pdf");
  });

  it("audits every write: who, when, what, and refused ones too", async () => {
    const before = (await demo.app.auth.listAudit({ limit: 1 })).total;
    await demo.server.inject({
      method: "PUT",
      url: "/api/v1/lines/VAL-0001/roaming-limit",
      headers: bearer(demo.tokens.customer),
      payload: { limit: "20.00", opt_out: false },
    });
    await demo.server.inject({ method: "POST", url: "/api/v1/periods/2009-11/close", headers: bearer(demo.tokens.reviewer) });
    await demo.server.inject({ method: "POST", url: "/api/v1/usage", payload: "x" });
    const res = await demo.server.inject({ url: "/api/v1/audit?limit=3", headers: bearer(demo.tokens.admin) });
    assert.equal(res.statusCode, 200);
    assert.equal(Number(res.headers["x-total-count"]), before + 3);
    const [anonymous, refused, change] = res.json();
    assert.deepEqual([anonymous.actor, anonymous.status, anonymous.action], ["anonymous", 401, "POST /api/v1/usage"]);
    assert.deepEqual([refused.role, refused.status], ["reviewer", 403]);
    assert.equal(change.role, "customer");
    assert.equal(change.target, "line VAL-0001");
    assert.match(change.actor, /^test customer \(tok_[0-9a-f]+\)$/);
    assert.deepEqual(change.detail.after, { limit: "20.00", opt_out: false });
    assert.match(change.at, /^\d{4}-\d\d-\d\dT/);
  });

  it("rate-limits each token with a token bucket: 429 with Retry-After", async () => {
    const server = buildServer(demo.app, { webDir: false, rateLimit: { capacity: 3, perSecond: 0.5 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await server.inject({ url: "/api/v1/me", headers: bearer(demo.tokens.analyst) })).statusCode);
      assert.deepEqual(codes, [200, 200, 200, 429, 429]);
      const limited = await server.inject({ url: "/api/v1/me", headers: bearer(demo.tokens.analyst) });
      assert.equal(limited.json().code, "rate_limited");
      assert.equal(limited.headers["retry-after"], "2");
      assert.equal((await server.inject({ url: "/api/v1/me", headers: bearer(demo.tokens.admin) })).statusCode, 200, "another token has its own bucket");
      const metrics = await server.inject({ url: "/metrics" });
      assert.match(metrics.body, /gardefou_http_denied_total\{reason="rate_limited"\} 3/);
    } finally {
      await server.close();
    }
  });

  it("creates, lists and revokes tokens over the API (admins)", async () => {
    const h = bearer(demo.tokens.admin);
    const created = await demo.server.inject({ method: "POST", url: "/api/v1/tokens", headers: h, payload: { role: "customer", account_id: "A-PHYSICIAN" } });
    assert.equal(created.statusCode, 201);
    const { token, token_id } = created.json();
    assert.match(token, /^gf_[A-Za-z0-9_-]{32}$/);
    assert.equal((await demo.server.inject({ url: "/api/v1/lines/PHY-0001", headers: bearer(token) })).statusCode, 200);
    const listed = await demo.server.inject({ url: "/api/v1/tokens", headers: h });
    assert.ok(!listed.body.includes(token), "the secret is never listed");
    assert.equal((await demo.server.inject({ method: "DELETE", url: `/api/v1/tokens/${token_id}`, headers: h })).statusCode, 204);
    assert.equal((await demo.server.inject({ method: "DELETE", url: `/api/v1/tokens/${token_id}`, headers: h })).statusCode, 404);
    const bad = await demo.server.inject({ method: "POST", url: "/api/v1/tokens", headers: h, payload: { role: "customer" } });
    assert.deepEqual([bad.statusCode, bad.json().code], [400, "account_required"]);
    const unknown = await demo.server.inject({ method: "POST", url: "/api/v1/tokens", headers: h, payload: { role: "customer", account_id: "NOPE" } });
    assert.deepEqual([unknown.statusCode, unknown.json().code], [400, "unknown_account"]);
  });

  it("answers /api/v1/me for each role", async () => {
    const customer = (await demo.server.inject({ url: "/api/v1/me", headers: bearer(demo.tokens.customer) })).json();
    assert.deepEqual(
      [customer.role, customer.account_id, customer.lines.map((l: { line_id: string }) => l.line_id)],
      ["customer", "A-VALENCIENNES", ["VAL-0001"]],
    );
    const reviewer = (await demo.server.inject({ url: "/api/v1/me", headers: bearer(demo.tokens.reviewer) })).json();
    assert.deepEqual([reviewer.role, reviewer.account_id, reviewer.lines], ["reviewer", null, []]);
  });
});
