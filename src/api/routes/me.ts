import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { App } from "../../app/index.ts";
import { ROLES } from "../../store/index.ts";
import { principalOf } from "../auth/hook.ts";
import { route } from "../route.ts";

const meSchema = z.object({
  token_id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  account_id: z.string().nullable(),
  lines: z.array(z.object({ line_id: z.string(), plan_id: z.string(), plan_name: z.string(), locale: z.enum(["fr", "en"]) })),
  current_period: z.string(),
  currency: z.string(),
  time_zone: z.string(),
});

/** Who the token is: the web app's sign-in, and a customer's lines for self-care. */
export function meRoutes(server: FastifyInstance, app: App): void {
  route(
    server,
    {
      method: "GET",
      url: "/api/v1/me",
      summary: "The caller: role, and for a customer its account's lines",
      tags: ["access"],
      access: { roles: ["admin", "reviewer", "analyst"], customer: "self" },
      responses: { 200: { description: "the caller", schema: meSchema } },
    },
    async ({ req }) => {
      const p = principalOf(req);
      const lines = p.accountId === undefined ? [] : [...app.engine.lines.all()].filter((l) => l.record.accountId === p.accountId);
      return {
        token_id: p.tokenId,
        name: p.name,
        role: p.role,
        account_id: p.accountId ?? null,
        lines: lines.map((l) => ({ line_id: l.record.lineId, plan_id: l.plan.id, plan_name: l.plan.name, locale: l.record.locale })),
        current_period: app.engine.calendar.periodOf(app.clock.now()),
        currency: app.catalog.currency,
        time_zone: app.catalog.timeZone,
      };
    },
  );
}
