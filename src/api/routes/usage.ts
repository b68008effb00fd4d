import type { FastifyInstance } from "fastify";
import type { App } from "../../app/index.ts";
import { bodyFormat } from "./body.ts";

/** Usage records posted as CSV or JSON Lines: the same counts as `gardefou import usage`. */
export function usageRoutes(server: FastifyInstance, app: App): void {
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
}
