export type { BillableLine, InvoiceInput } from "./build.ts";
export { buildInvoice } from "./build.ts";
export type { InvoiceDocument } from "./document.ts";
export { invoiceDocument } from "./document.ts";
export { holdReasons } from "./hold-rules.ts";
export * from "./types.ts";
export { vatFor } from "./vat.ts";
