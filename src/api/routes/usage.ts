import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { App } from "../../app/index.ts";
import { ADMIN_ONLY } from "../auth/access.ts";
import { route } from "../route.ts";
import { bodyFormat, FILE_TYPES } from "./body.ts";

/** Usage records posted as CSV or JSON Lines: the same counts as `gardefou import usage`. */
export function usageRoutes(server: FastifyInstance, app: App): void {
  route(
    server,
    {
      method: "POST",
      url: "/api/v1/usage",
      summary: "Rate and guard usage records (a file or a single record)",
      tags: ["usage"],
      access: ADMIN_ONLY,
      body: z.string(),
      bodyTypes: FILE_TYPES,
      responses: {
        200: { description: "`{read, accepted, duplicates, rejected, import_id, warnings, rejects}`" },
        415: { description: "not CSV or JSON Lines" },
      },
    },
    async ({ body, req }) => {
      const format = bodyFormat(req.headers["content-type"]);
      const report = await app.importUsageText(body, format, `http:${req.id}`);
      const rejects = await app.store.listRejects(report.source, 1000);
      req.auditDetail = { import_id: report.import_id, read: report.read, accepted: report.accepted, rejected: report.rejected };
      return {
        read: report.read,
        accepted: report.accepted,
        duplicates: report.duplicates,
        rejected: report.rejected,
        import_id: report.import_id,
        warnings: report.warnings,
        rejects: rejects.map((r) => ({ line_no: r.lineNo, record_id: r.recordId ?? null, code: r.code, message: r.message })),
      };
    },
  );
}
