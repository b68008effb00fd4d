import type { Balance, CapAction, CreditNote, Instalment, Invoice } from "../../domain/index.ts";
import type { Locale } from "./labels.ts";

/** What an invoice PDF shows, gathered by the app from the invoice, the lines and the outbox. */
export interface InvoicePdfData {
  readonly invoice: Invoice;
  readonly locale: Locale;
  /** Who issues the invoice (the catalog's description). */
  readonly issuer: string;
  readonly lines: readonly { readonly lineId: string; readonly msisdn: string | undefined; readonly planName: string }[];
  readonly notices: readonly PdfNotice[];
  readonly caps: readonly PdfCap[];
  readonly credits: readonly CreditNote[];
  readonly balance: Balance;
  readonly instalments: readonly Instalment[];
}

export interface PdfNotice {
  readonly lineId: string;
  /** RFC 3339. */
  readonly at: string;
  readonly kind: string;
  readonly threshold: number | undefined;
  readonly capName: string | undefined;
  readonly country: string | undefined;
}

export interface PdfCap {
  readonly lineId: string;
  readonly name: string;
  readonly measure: "spend" | "volume";
  /** Micros for a spend cap, octets for a volume cap. */
  readonly limit: number;
  readonly action: CapAction;
}
