export type { InvoicePdfData, PdfCap, PdfNotice } from "./data.ts";
export { invoicePdf } from "./invoice-pdf.ts";
export type { Locale } from "./labels.ts";
