import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { App } from "../../app/index.ts";
import { route } from "../route.ts";
import { invoiceParams } from "../schemas.ts";

/** The invoice as a PDF, in French or English; a customer may fetch its own. */
export function invoicePdfRoutes(server: FastifyInstance, app: App): void {
  route(
    server,
    {
      method: "GET",
      url: "/api/v1/invoices/:invoiceId/pdf",
      summary: "The invoice as a PDF: itemised by line, zone and country, with the notices of the period and the caps in force",
      tags: ["invoices"],
      access: { roles: ["admin", "reviewer", "analyst"], customer: "invoice" },
      params: invoiceParams,
      query: z.object({ locale: z.enum(["fr", "en"]).optional().describe("default: the line's") }),
      responses: { 200: { description: "the PDF", contentType: "application/pdf" }, 404: { description: "no such invoice" } },
    },
    async ({ params, query, reply }) => {
      const bytes = await app.review.pdf(params.invoiceId, query.locale);
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="${params.invoiceId.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf"`)
        .send(Buffer.from(bytes));
    },
  );
}
