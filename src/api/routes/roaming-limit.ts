import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type App, actorName, UserError } from "../../app/index.ts";
import { type Micros, money } from "../../domain/index.ts";
import { principalOf } from "../auth/hook.ts";
import { route } from "../route.ts";
import { decimalAmount, lineParams } from "../schemas.ts";

const limitView = z.object({
  line_id: z.string(),
  account_id: z.string(),
  period: z.string(),
  cap_id: z.string(),
  cap_name: z.string(),
  adjustable_by: z.enum(["customer", "operator"]),
  currency: z.string(),
  catalog_limit: z.string().describe("the catalog's default limit (the regulation's 50.00 EUR excl. VAT in the default catalog)"),
  limit: z.string().nullable().describe("the customer's own limit; null for the catalog's default or an opt-out"),
  opt_out: z.boolean(),
  effective_limit: z.string().nullable().describe("what is enforced now; null when opted out"),
  used: z.string().describe("roaming data billed in the current period"),
  warn_at_percent: z.array(z.number().int()),
  consented: z.boolean(),
});

const choice = z
  .object({
    limit: decimalAmount.nullable().describe('another limit, e.g. "20.00"; null for the catalog\'s default'),
    opt_out: z.boolean().describe("true: no roaming cut-off at all (the customer's explicit choice)"),
  })
  .strict()
  .refine((c) => !(c.opt_out && c.limit !== null), { message: "an opt-out has no limit: send limit null", path: ["limit"] });

const ACCESS = { roles: ["admin", "reviewer"], customer: "line" } as const;

/** Self-care caps: the roaming-data limit of Regulation 544/2009 — another limit, the default, or an opt-out. */
export function roamingLimitRoutes(server: FastifyInstance, app: App): void {
  route(
    server,
    {
      method: "GET",
      url: "/api/v1/lines/:lineId/roaming-limit",
      summary: "A line's roaming-data limit: the catalog's default, the customer's choice, what is enforced",
      tags: ["caps"],
      access: { roles: ["admin", "reviewer", "analyst"], customer: "line" },
      params: lineParams,
      responses: { 200: { description: "the limit", schema: limitView }, 404: { description: "unknown line" } },
    },
    async ({ params }) => app.roamingLimit(params.lineId),
  );

  route(
    server,
    {
      method: "PUT",
      url: "/api/v1/lines/:lineId/roaming-limit",
      summary: "Choose another roaming-data limit, go back to the default, or opt out",
      description: "Free of charge and in force for the next usage record; open online sessions are re-authorised. Audited with the limit before and after.",
      tags: ["caps"],
      access: ACCESS,
      params: lineParams,
      body: choice,
      responses: {
        200: { description: "the limit after the change", schema: limitView },
        409: { description: "the plan has no limit the customer can choose" },
      },
    },
    async ({ params, body, req }) => {
      const p = principalOf(req);
      const limit = body.limit === null ? undefined : money.parseDecimal(body.limit);
      if (body.limit !== null && limit === undefined) throw new UserError("invalid_limit", `"${body.limit}" is not an amount`);
      const { before, after } = await app.setRoamingLimit(
        params.lineId,
        { limit: limit as Micros | undefined, optOut: body.opt_out },
        { actor: actorName(p), party: p.role === "customer" ? "customer" : "operator", channel: "http" },
      );
      req.auditDetail = {
        cap_id: after.cap_id,
        before: { limit: before.limit, opt_out: before.opt_out },
        after: { limit: after.limit, opt_out: after.opt_out },
      };
      return after;
    },
  );
}
