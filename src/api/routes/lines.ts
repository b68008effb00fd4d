import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { App } from "../../app/index.ts";
import { ADMIN_ONLY } from "../auth/access.ts";
import { principalOf } from "../auth/hook.ts";
import { page, pageQuery } from "../pagination.ts";
import { route } from "../route.ts";
import { lineParams, periodText } from "../schemas.ts";
import { bodyFormat, FILE_TYPES } from "./body.ts";

/** Lines: list, show (counters, caps, notices), load a lines file. */
export function linesRoutes(server: FastifyInstance, app: App): void {
  route(
    server,
    {
      method: "GET",
      url: "/api/v1/lines",
      summary: "Lines, with plan and contact (a customer sees its account's only)",
      tags: ["lines"],
      access: { roles: ["admin", "reviewer", "analyst"], customer: "self" },
      query: z.object({ ...pageQuery, account_id: z.string().optional() }),
      responses: { 200: { description: "`{total, lines}`, paged (`X-Total-Count`, `Link`)" } },
    },
    async ({ query, req, reply }) => {
      const p = principalOf(req);
      const account = p.role === "customer" ? p.accountId : query.account_id;
      const all = [...app.engine.lines.all()].filter((l) => account === undefined || l.record.accountId === account);
      return {
        total: all.length,
        lines: page(req, reply, all, query).map((l) => ({
          line_id: l.record.lineId,
          account_id: l.record.accountId,
          plan_id: l.plan.id,
          msisdn: l.record.msisdn,
          locale: l.record.locale,
        })),
      };
    },
  );

  route(
    server,
    {
      method: "GET",
      url: "/api/v1/lines/:lineId",
      summary: "A line's counters, allowances, caps (limit, used, state), policy status and notices in a period",
      tags: ["lines"],
      access: { roles: ["admin", "reviewer", "analyst"], customer: "line" },
      params: lineParams,
      query: z.object({ period: periodText.optional().describe("default: the line's latest period with usage") }),
      responses: { 200: { description: "the line report" }, 404: { description: "unknown line" } },
    },
    async ({ params, query }) => app.line(params.lineId, query.period),
  );

  route(
    server,
    {
      method: "POST",
      url: "/api/v1/lines",
      summary: "Load a lines file; refused whole on any problem",
      tags: ["lines"],
      access: ADMIN_ONLY,
      body: z.string(),
      bodyTypes: FILE_TYPES,
      responses: { 200: { description: "`{lines, warnings}`" }, 415: { description: "not CSV or JSON Lines" } },
    },
    async ({ body, req }) => {
      const format = bodyFormat(req.headers["content-type"]);
      const result = await app.importLinesText(body, format === "csv" ? "lines.csv" : "lines.jsonl");
      req.auditDetail = { lines: result.lines };
      return result;
    },
  );
}
