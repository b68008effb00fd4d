import type { FastifyInstance } from "fastify";
import { type App, UserError } from "../../app/index.ts";

/** Invoices and period closing. */
export function billingRoutes(server: FastifyInstance, app: App): void {
  server.get("/api/v1/invoices", async (req) => app.invoices((req.query as { period?: string }).period));

  server.get("/api/v1/invoices/:invoiceId", async (req) => {
    const { invoiceId } = req.params as { invoiceId: string };
    const invoice = (await app.invoices(undefined)).find((i) => i.invoice_id === invoiceId);
    if (!invoice) throw new UserError("not_found", `no invoice ${invoiceId}`);
    return { ...invoice, events: await app.store.invoiceEvents(invoiceId) };
  });

  server.post("/api/v1/periods/:period/close", async (req) => {
    const { period } = req.params as { period: string };
    const invoices = await app.closePeriod(period, "api");
    return { period, invoices: invoices.length, held: invoices.filter((i) => i.status === "held").length };
  });
}
