import type { FastifyInstance } from "fastify";
import type { App } from "../../app/index.ts";
import { bodyFormat } from "./body.ts";

/** Lines: list, show (counters, caps, notices), load a lines file. */
export function linesRoutes(server: FastifyInstance, app: App): void {
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
}
