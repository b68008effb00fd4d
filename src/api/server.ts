import Fastify, { type FastifyInstance } from "fastify";
import { type App, UserError } from "../app/index.ts";
import type { DemoReport } from "../demo/index.ts";
import { sendProblem } from "./problem.ts";

export interface ServerOptions {
  readonly logger?: boolean;
  /** Computes (once) the demo report served at /api/v1/demo. */
  readonly demoReport?: () => Promise<DemoReport>;
}

const TEXT_TYPES = ["text/csv", "text/plain", "application/x-ndjson", "application/jsonl", "application/x-jsonlines"];

/**
 * The HTTP API. Routes are thin: they validate the request, call the App facade and map its
 * coded errors to problem+json. Later routes (review desk, self-care) plug in the same way.
 */
export function buildServer(app: App, options: ServerOptions = {}): FastifyInstance {
  const server = Fastify({ logger: options.logger ?? false, bodyLimit: 256 * 1024 * 1024 });
  server.addContentTypeParser(TEXT_TYPES, { parseAs: "string" }, (_req, body, done) => done(null, body));
  server.setErrorHandler((error, _req, reply) => sendProblem(reply, error));

  server.get("/health", async () => ({ status: "ok", store: app.store.kind, catalog: app.catalog.id, lines: app.engine.lines.size }));

  server.get("/api/v1/lines", async (req) => {
    const q = req.query as { limit?: string; offset?: string };
    const limit = Math.min(1000, Number(q.limit ?? 100) || 100);
    const offset = Number(q.offset ?? 0) || 0;
    const all = [...app.engine.lines.all()];
    return {
      total: all.length,
      lines: all
        .slice(offset, offset + limit)
        .map((l) => ({ line_id: l.record.lineId, account_id: l.record.accountId, plan_id: l.plan.id, msisdn: l.record.msisdn, locale: l.record.locale })),
    };
  });

  server.get("/api/v1/lines/:lineId", async (req) => {
    const { lineId } = req.params as { lineId: string };
    return app.line(lineId, (req.query as { period?: string }).period);
  });

  server.post("/api/v1/lines", async (req, reply) => {
    const format = bodyFormat(req.headers["content-type"]);
    const result = await app.importLinesText(String(req.body ?? ""), format === "csv" ? "lines.csv" : "lines.jsonl");
    return reply.code(200).send(result);
  });

  server.post("/api/v1/usage", async (req) => {
    const format = bodyFormat(req.headers["content-type"]);
    const report = await app.importUsageText(String(req.body ?? ""), format, `http:${req.id}`);
    const rejects = await app.store.listRejects(report.source, 1000);
    return {
      read: report.read,
      accepted: report.accepted,
      duplicates: report.duplicates,
      rejected: report.rejected,
      import_id: report.import_id,
      warnings: report.warnings,
      rejects: rejects.map((r) => ({ line_no: r.lineNo, record_id: r.recordId ?? null, code: r.code, message: r.message })),
    };
  });

  server.get("/api/v1/invoices", async (req) => app.invoices((req.query as { period?: string }).period));

  server.get("/api/v1/invoices/:invoiceId", async (req) => {
    const { invoiceId } = req.params as { invoiceId: string };
    const invoice = (await app.invoices(undefined)).find((i) => i.invoice_id === invoiceId);
    if (!invoice) throw new UserError("not_found", `no invoice ${invoiceId}`);
    return { ...invoice, events: await app.store.invoiceEvents(invoiceId) };
  });

  server.post("/api/v1/periods/:period/close", async (req) => {
    const { period } = req.params as { period: string };
    const invoices = await app.closePeriod(period, "api");
    return { period, invoices: invoices.length, held: invoices.filter((i) => i.status === "held").length };
  });

  server.get("/api/v1/notices", async (req) => {
    const q = req.query as { line_id?: string; period?: string; kind?: string };
    const period = q.period ? app.period(q.period) : undefined;
    const rows = await app.store.listNotices({
      ...(q.line_id ? { lineId: q.line_id } : {}),
      ...(period ? { period } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
    });
    return rows.map((n) => ({
      id: n.id,
      key: n.key,
      kind: n.kind,
      urgent: n.urgent,
      status: n.status,
      created_at: n.createdAt,
      ...(JSON.parse(n.payload) as object),
    }));
  });

  server.get("/api/v1/rejects", async (req) => {
    const q = req.query as { source?: string; limit?: string };
    const rows = await app.store.listRejects(q.source, Math.min(10_000, Number(q.limit ?? 100) || 100));
    return rows.map((r) => ({ source: r.source, line_no: r.lineNo, record_id: r.recordId ?? null, code: r.code, message: r.message, raw: r.raw }));
  });

  let demo: Promise<DemoReport> | undefined;
  server.get("/api/v1/demo", async () => {
    if (!options.demoReport) throw new UserError("not_found", "the demo report is served only with `serve --demo`");
    demo ??= options.demoReport();
    return demo;
  });

  return server;
}

function bodyFormat(contentType: string | undefined): "csv" | "jsonl" {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "text/csv") return "csv";
  if (type === "application/x-ndjson" || type === "application/jsonl" || type === "application/x-jsonlines") return "jsonl";
  throw new UserError("unsupported_media_type", `send text/csv or application/x-ndjson, not "${type || "nothing"}"`);
}
