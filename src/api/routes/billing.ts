import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type App, actorName, UserError } from "../../app/index.ts";
import { money } from "../../domain/index.ts";
import { ADMIN_ONLY } from "../auth/access.ts";
import { principalOf } from "../auth/hook.ts";
import { page, pageQuery } from "../pagination.ts";
import { route } from "../route.ts";
import { invoiceParams, periodText } from "../schemas.ts";

const STATUSES = ["draft", "held", "approved", "issued", "void"] as const;

/** Invoices and period closing. */
export function billingRoutes(server: FastifyInstance, app: App): void {
  route(
    server,
    {
      method: "GET",
      url: "/api/v1/invoices",
      summary: "Invoices (the JSON array of docs/formats.md), filtered and paged; a customer sees its account's only",
      tags: ["invoices"],
      access: { roles: ["admin", "reviewer", "analyst"], customer: "self" },
      query: z.object({
        ...pageQuery,
        period: periodText.optional(),
        status: z.enum(STATUSES).optional().describe("held: the review desk's queue"),
        account_id: z.string().optional(),
        sort: z.enum(["account", "total_desc"]).default("account").describe("total_desc: the largest amounts first"),
      }),
      responses: { 200: { description: "invoices, paged (`X-Total-Count`, `Link`)" } },
    },
    async ({ query, req, reply }) => {
      const p = principalOf(req);
      const account = p.role === "customer" ? p.accountId : query.account_id;
      const invoices = (await app.invoices(query.period)).filter(
        (i) => (query.status === undefined || i.status === query.status) && (account === undefined || i.account_id === account),
      );
      // Totals are compared as integer micros, never as floats.
      const micros = (text: string) => money.parseDecimal(text) ?? 0;
      if (query.sort === "total_desc") invoices.sort((a, b) => micros(b.total_excl_tax) - micros(a.total_excl_tax) || a.invoice_id.localeCompare(b.invoice_id));
      return page(req, reply, invoices, query);
    },
  );

  route(
    server,
    {
      method: "GET",
      url: "/api/v1/invoices/:invoiceId",
      summary: "One invoice with its events (who, when, from, to, why)",
      tags: ["invoices"],
      access: { roles: ["admin", "reviewer", "analyst"], customer: "invoice" },
      params: invoiceParams,
      responses: { 200: { description: "the invoice" }, 404: { description: "no such invoice" } },
    },
    async ({ params }) => {
      const invoice = (await app.invoices(undefined)).find((i) => i.invoice_id === params.invoiceId);
      if (!invoice) throw new UserError("not_found", `no invoice ${params.invoiceId}`);
      return { ...invoice, events: await app.store.invoiceEvents(params.invoiceId) };
    },
  );

  route(
    server,
    {
      method: "POST",
      url: "/api/v1/periods/:period/close",
      summary: "Close a period: one invoice per account, held or issued by the hold rules",
      tags: ["invoices"],
      access: ADMIN_ONLY,
      params: z.object({ period: periodText }),
      responses: { 200: { description: "`{period, invoices, held}`" }, 409: { description: "already closed, or not ended" } },
    },
    async ({ params, req }) => {
      const invoices = await app.closePeriod(params.period, actorName(principalOf(req)));
      const held = invoices.filter((i) => i.status === "held").length;
      req.auditDetail = { period: params.period, invoices: invoices.length, held };
      return { period: params.period, invoices: invoices.length, held };
    },
  );
}
