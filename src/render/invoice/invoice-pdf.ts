import { pdfFile } from "../pdf/index.ts";
import { caps, credits, notBilled, notices, schedule } from "./annexes.ts";
import type { InvoicePdfData } from "./data.ts";
import { Flow, LEFT, RIGHT } from "./flow.ts";
import { formatPeriod } from "./format.ts";
import { items, totals } from "./items.ts";
import { labelsFor } from "./labels.ts";

/**
 * The invoice as a PDF for the customer, in French or English: itemised by line, zone and
 * country, with the totals excl. and incl. VAT, the credit notes and the balance, the payment
 * schedule, the caps in force and every notice sent in the period. Pure: data in, bytes out.
 */
export function invoicePdf(data: InvoicePdfData): Uint8Array {
  const l = labelsFor(data.locale);
  const { invoice, locale } = data;
  const flow = new Flow((f) => {
    const y = f.row(14);
    f.page.text(LEFT, y, `${l.invoice} ${invoice.invoiceId} — ${formatPeriod(invoice.period, locale)}`, { size: 8, gray: 0.35 });
  });
  let y = flow.row(26);
  flow.page.text(LEFT, y, l.invoice, { size: 20, bold: true });
  flow.page.text(RIGHT, y + 6, data.issuer, { size: 8, align: "right", gray: 0.35 });
  for (const [label, value] of [
    [l.invoiceNo, invoice.invoiceId],
    [l.account, invoice.accountId],
    [l.period, formatPeriod(invoice.period, locale)],
  ] as const) {
    y = flow.row(13);
    flow.page.text(LEFT, y, label, { size: 9, gray: 0.35 });
    flow.page.text(140, y, value, { size: 9, bold: true });
  }
  const banner = l.status[invoice.status] ?? "";
  if (banner) {
    flow.gap(6);
    y = flow.row(20);
    flow.page.fill(LEFT, y - 6, RIGHT - LEFT, 19, 0.15);
    flow.page.text(LEFT + 8, y, banner, { size: 10, bold: true, gray: 1 });
  }
  flow.gap(12);
  items(flow, data, l);
  totals(flow, data, l);
  credits(flow, data, l);
  schedule(flow, data, l);
  notBilled(flow, data, l);
  caps(flow, data, l);
  notices(flow, data, l);
  flow.footers((n, of) => `${invoice.invoiceId} — ${l.page(n, of)}`);
  return pdfFile(flow.pages, `${l.invoice} ${invoice.invoiceId}`);
}
