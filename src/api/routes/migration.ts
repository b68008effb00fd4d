import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type App, actorName, simulationCsv } from "../../app/index.ts";
import { principalOf } from "../auth/hook.ts";
import { route } from "../route.ts";
import { periodText } from "../schemas.ts";

const segment = {
  from: z.string().optional().describe("the lines now on this plan"),
  to: z.string().min(1).describe("the target plan"),
  lines: z.array(z.string()).optional(),
  accounts: z.array(z.string()).optional(),
};

/** Plan-migration simulation (no side effect) and the migration itself, at a cycle boundary. */
export function migrationRoutes(server: FastifyInstance, app: App): void {
  route(
    server,
    {
      method: "POST",
      url: "/api/v1/simulations",
      summary: "Re-rate a segment's recorded usage under another plan: old and new totals per line, who would pay more",
      description: "Nothing is written. `?format=csv` answers the per-line table as CSV.",
      tags: ["migrations"],
      access: { roles: ["admin", "reviewer", "analyst"] },
      query: z.object({ format: z.enum(["json", "csv"]).default("json") }),
      body: z.object({ ...segment, periods: z.array(periodText).min(1) }).strict(),
      responses: { 200: { description: "`{from, to, periods, lines:[…], totals:{…}, who_pays_more:[…]}`" } },
    },
    async ({ query, body, reply }) => {
      const view = await app.review.simulate(body);
      return query.format === "csv" ? reply.type("text/csv; charset=utf-8").send(simulationCsv(view)) : view;
    },
  );
  route(
    server,
    {
      method: "POST",
      url: "/api/v1/migrations",
      summary: "Move a segment to another plan from a period on; each line is notified with its own before/after",
      tags: ["migrations"],
      access: { roles: ["admin", "analyst"] },
      body: z.object({ ...segment, at: periodText.describe("the first period on the new plan"), periods: z.array(periodText).optional() }).strict(),
      responses: {
        201: { description: "`{to, effective_period, lines, applied, applies_when, notices, reference_periods, paying_more}`" },
        409: { description: "a line is not ready" },
      },
    },
    async ({ body, req, reply }) => {
      const result = await app.review.migrate({ ...body, actor: actorName(principalOf(req)) });
      req.auditDetail = { to: result.to, effective_period: result.effective_period, lines: result.lines };
      return reply.code(201).send(result);
    },
  );
}
