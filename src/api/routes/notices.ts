import type { FastifyInstance } from "fastify";
import type { App } from "../../app/index.ts";

/** The outbox and the rejected records. */
export function noticeRoutes(server: FastifyInstance, app: App): void {
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
}
