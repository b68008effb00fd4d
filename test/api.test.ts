import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { InjectOptions } from "fastify";
import { buildServer } from "../src/api/index.ts";
import { App } from "../src/app/index.ts";
import { FIXTURES, NOVEMBER_2009, tempDir } from "./helpers/temp.ts";

describe("HTTP API", async () => {
  const dir = tempDir();
  const app = await App.open({ dbPath: join(dir, "api.db"), clock: NOVEMBER_2009 });
  const server = buildServer(app, { webDir: false });
  // Every API route needs a token (docs/api.md): these tests act as an administrator.
  const { token } = await app.createToken({ role: "admin" }, "test");
  const inject = (opts: InjectOptions) => server.inject({ ...opts, headers: { authorization: `Bearer ${token}`, ...opts.headers } });
  after(async () => {
    await server.close();
    await app.close();
  });

  it("loads lines and usage, and answers with the same counts as the CLI", async () => {
    const lines = await inject({
      method: "POST",
      url: "/api/v1/lines",
      headers: { "content-type": "text/csv" },
      payload: readFileSync(join(FIXTURES, "lines.csv")),
    });
    assert.equal(lines.statusCode, 200);
    assert.equal(lines.json().lines, 4);
    const usage = await inject({
      method: "POST",
      url: "/api/v1/usage",
      headers: { "content-type": "text/csv" },
      payload: readFileSync(join(FIXTURES, "usage-bad.csv")),
    });
    assert.equal(usage.statusCode, 200);
    const body = usage.json();
    assert.deepEqual([body.read, body.accepted, body.duplicates, body.rejected], [16, 4, 1, 11]);
    assert.equal(body.rejects.length, 11);
    assert.ok(body.rejects.every((r: { code: string; message: string }) => /^[a-z_]+$/.test(r.code) && r.message.length > 0));
  });

  it("takes JSON Lines too", async () => {
    const usage = await inject({
      method: "POST",
      url: "/api/v1/usage",
      headers: { "content-type": "application/x-ndjson" },
      payload:
        '{"record_id":"h-1","line_id":"L0004","service":"data","started_at":"2009-10-09T10:00:00Z","bytes_up":0,"bytes_down":2048,"serving_plmn":"20801"}\n',
    });
    assert.deepEqual([usage.json().read, usage.json().accepted], [1, 1]);
  });

  it("shows a line, closes the period and lists invoices", async () => {
    const line = await inject({ url: "/api/v1/lines/L0003?period=2009-10" });
    assert.equal(line.statusCode, 200);
    assert.equal(line.json().caps[0].limit, "20.00", "the customer's own roaming limit from the lines file");
    const close = await inject({ method: "POST", url: "/api/v1/periods/2009-10/close" });
    assert.deepEqual(close.json(), { period: "2009-10", invoices: 3, held: 0 });
    const invoices = await inject({ url: "/api/v1/invoices?period=2009-10" });
    assert.equal(invoices.json().length, 3);
    const one = await inject({ url: `/api/v1/invoices/${invoices.json()[0].invoice_id}` });
    assert.deepEqual(
      one.json().events.map((e: { to: string }) => e.to),
      ["draft", "issued"],
    );
  });

  it("maps coded errors to problem+json", async () => {
    const unknown = await inject({ url: "/api/v1/lines/NOPE" });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.headers["content-type"], "application/problem+json; charset=utf-8");
    assert.equal(unknown.json().code, "unknown_line");
    const media = await inject({ method: "POST", url: "/api/v1/usage", headers: { "content-type": "application/json" }, payload: "{}" });
    assert.equal(media.statusCode, 415);
    const twice = await inject({ method: "POST", url: "/api/v1/periods/2009-10/close" });
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().code, "period_already_closed");
  });
});

describe("gardefou serve", () => {
  it("listens on --http-port and answers /health", async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/run.ts", "--db", join(dir, "s.db"), "serve", "--http-port", "0"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        let err = "";
        child.stderr.on("data", (d: Buffer) => {
          err += d.toString();
          const m = /on (http:\/\/[^\s]+)/.exec(err);
          if (m?.[1]) resolve(m[1]);
        });
        child.on("exit", (code) => reject(new Error(`serve exited ${code}: ${err}`)));
      });
      const health = (await (await fetch(`${address}/health`)).json()) as { status: string; store: string };
      assert.deepEqual([health.status, health.store], ["ok", "sqlite"]);
    } finally {
      child.kill("SIGTERM");
    }
  });
});
