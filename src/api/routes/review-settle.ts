import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type App, actorName } from "../../app/index.ts";
import { principalOf } from "../auth/hook.ts";
import { route } from "../route.ts";
import { invoiceParams } from "../schemas.ts";

const REVIEWERS = { roles: ["admin", "reviewer"] } as const;
const amount = z.string().max(20).describe('a decimal string such as "12.34" (never a JSON number)');
const created = { 201: { description: "the invoice's review state, with the new credit note or plan" } };
const refusals = {
  400: { description: "refused: an amount above the balance, a plan that does not sum, an unknown plan… (`code` says which)" },
  404: { description: "no such invoice" },
  409: { description: "the invoice is not in a state that allows it, or changed meanwhile" },
};

/** Settling a held invoice: credit notes, re-rating under another plan, waivers, payment plans. */
export function reviewSettleRoutes(server: FastifyInstance, app: App): void {
  const post = <B extends z.ZodType>(url: string, summary: string, body: B, act: (id: string, b: z.output<B>, actor: string) => Promise<unknown>) =>
    route(
      server,
      {
        method: "POST",
        url: `/api/v1/invoices/:invoiceId/${url}`,
        summary,
        tags: ["review"],
        access: REVIEWERS,
        params: invoiceParams,
        body,
        responses: { ...created, ...refusals },
      },
      async ({ params, body: b, req, reply }) => {
        const view = await act(params.invoiceId, b as z.output<B>, actorName(principalOf(req)));
        req.auditDetail = { invoice_id: params.invoiceId, ...(b as object) };
        return reply.code(201).send(view);
      },
    );

  post(
    "credit-notes",
    "A credit note: an amount, or whole invoice lines (numbered from 1)",
    z
      .object({
        amount: amount.optional(),
        lines: z.array(z.number().int()).min(1).optional(),
        code: z.string().default("goodwill").describe("goodwill, billing_error, dispute or other"),
        reason: z.string().max(2000).optional(),
      })
      .strict(),
    (id, b, actor) => app.review.credit(id, { amount: b.amount, lines: b.lines, code: b.code, reason: b.reason }, actor),
  );
  post(
    "rerate",
    "Re-rate the period under another plan with the pure rating core, and credit the difference",
    z.object({ plan_id: z.string().min(1), reason: z.string().max(2000).optional() }).strict(),
    (id, b, actor) => app.review.rerate(id, b.plan_id, b.reason, actor),
  );
  post(
    "waive",
    "Credit what is over a cap: each line's spend caps, or everything above `cap` for the invoice",
    z.object({ cap: amount.optional(), reason: z.string().max(2000).optional() }).strict(),
    (id, b, actor) => app.review.waive(id, b.cap, b.reason, actor),
  );
  post(
    "payment-plan",
    "A payment plan: N monthly instalments summing exactly to the balance incl. VAT",
    z
      .object({
        instalments: z.number().int(),
        first_due: z.string().optional().describe("YYYY-MM-DD; default in 30 days"),
        amounts: z.array(amount).optional().describe("each instalment; must sum to the balance"),
      })
      .strict(),
    (id, b, actor) => app.review.paymentPlan(id, { instalments: b.instalments, firstDue: b.first_due, amounts: b.amounts }, actor),
  );
}
