import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type App, actorName } from "../../app/index.ts";
import { READ_STAFF } from "../auth/access.ts";
import { principalOf } from "../auth/hook.ts";
import { route } from "../route.ts";
import { invoiceParams } from "../schemas.ts";

const REVIEWERS = { roles: ["admin", "reviewer"] } as const;
const reason = z.object({ reason: z.string().max(2000).optional().describe("why: recorded with who and when") }).strict();
const caseResponse = { 200: { description: "the invoice's review state: invoice, balance, credit notes, payment plan, contacts, events" } };
const refusals = { 404: { description: "no such invoice" }, 409: { description: "the invoice is not in a state that allows it, or changed meanwhile" } };

/** The review desk's reads, and the decisions that change an invoice's status or record a call. */
export function reviewRoutes(server: FastifyInstance, app: App): void {
  route(
    server,
    {
      method: "GET",
      url: "/api/v1/review/held",
      summary: "Every held invoice with its hold reasons and balance",
      tags: ["review"],
      access: READ_STAFF,
      responses: { 200: { description: "`[{invoice_id, account_id, period, status, total_excl_tax, balance_excl_tax, hold_reasons, held_at}]`" } },
    },
    async () => app.review.held(),
  );
  route(
    server,
    {
      method: "GET",
      url: "/api/v1/review/queue",
      summary: "The contact queue: who must be called, why, by when, at which numbers",
      tags: ["review"],
      access: READ_STAFF,
      responses: { 200: { description: "soonest first: `[{invoice_id, account_id, why, due_by, overdue, attempts, last_contact, call}]`" } },
    },
    async () => app.review.queue(),
  );
  route(
    server,
    {
      method: "GET",
      url: "/api/v1/invoices/:invoiceId/review",
      summary: "An invoice's review state",
      tags: ["review"],
      access: READ_STAFF,
      params: invoiceParams,
      responses: { ...caseResponse, 404: refusals[404] },
    },
    async ({ params }) => app.review.show(params.invoiceId),
  );
  for (const [verb, summary] of [
    ["release", "Approve and issue a held invoice (held → approved → issued)"],
    ["void", "Void an invoice that was never issued"],
  ] as const) {
    route(
      server,
      {
        method: "POST",
        url: `/api/v1/invoices/:invoiceId/${verb}`,
        summary,
        tags: ["review"],
        access: REVIEWERS,
        params: invoiceParams,
        body: reason,
        responses: { ...caseResponse, ...refusals },
      },
      async ({ params, body, req }) => {
        const actor = actorName(principalOf(req));
        const view =
          verb === "release" ? await app.review.release(params.invoiceId, body.reason, actor) : await app.review.void(params.invoiceId, body.reason, actor);
        req.auditDetail = { invoice_id: params.invoiceId, status: view.invoice.status, reason: body.reason };
        return view;
      },
    );
  }
  route(
    server,
    {
      method: "POST",
      url: "/api/v1/invoices/:invoiceId/contacts",
      summary: "Record a call to the customer and its outcome",
      tags: ["review"],
      access: REVIEWERS,
      params: invoiceParams,
      body: z.object({ outcome: z.string().describe("reached, message_left, agreed or disputed"), note: z.string().max(2000).optional() }).strict(),
      responses: { 201: { description: "the invoice's review state" }, ...refusals },
    },
    async ({ params, body, req, reply }) => {
      const view = await app.review.contact(params.invoiceId, { outcome: body.outcome, note: body.note }, actorName(principalOf(req)));
      req.auditDetail = { invoice_id: params.invoiceId, outcome: body.outcome };
      return reply.code(201).send(view);
    },
  );
}
