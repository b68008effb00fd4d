import { toCents } from "../money.ts";
import type { Invoice } from "./types.ts";

/** The invoice as the interchange JSON (shared spec): money as decimal strings in cents. */
export interface InvoiceDocument {
  invoice_id: string;
  account_id: string;
  period: string;
  currency: string;
  status: string;
  total_excl_tax: string;
  vat_rate: string;
  tax: string;
  total_incl_tax: string;
  hold_reasons: { code: string; message: string }[];
  lines: {
    line_id: string;
    kind: string;
    description: string;
    zone: string | null;
    country: string | null;
    quantity: string;
    unit: string;
    amount_excl_tax: string;
    original_period?: string;
    plan_id?: string;
  }[];
  not_billed: { line_id: string; zone: string; country: string; quantity: string; unit: string; caps: string[] }[];
}

export function invoiceDocument(invoice: Invoice): InvoiceDocument {
  return {
    invoice_id: invoice.invoiceId,
    account_id: invoice.accountId,
    period: invoice.period,
    currency: invoice.currency,
    status: invoice.status,
    total_excl_tax: toCents(invoice.totalExclTax),
    vat_rate: percentText(invoice.vatPpm),
    tax: toCents(invoice.tax),
    total_incl_tax: toCents(invoice.totalInclTax),
    hold_reasons: invoice.holdReasons.map((r) => ({ code: r.code, message: r.message })),
    lines: invoice.lines.map((l) => ({
      line_id: l.lineId,
      kind: l.kind,
      description: l.description,
      zone: l.zone ?? null,
      country: l.country ?? null,
      quantity: String(l.quantity),
      unit: l.unit,
      amount_excl_tax: toCents(l.amount),
      ...(l.originalPeriod ? { original_period: l.originalPeriod } : {}),
      ...(l.planId ? { plan_id: l.planId } : {}),
    })),
    not_billed: invoice.notBilled.map((n) => ({
      line_id: n.lineId,
      zone: n.zone,
      country: n.country,
      quantity: String(n.quantity),
      unit: n.unit,
      caps: [...n.capIds],
    })),
  };
}

/** 196_000 ppm → "19.6" (percent, no float on the way). */
function percentText(ppm: number): string {
  const whole = Math.floor(ppm / 10_000);
  const frac = String(ppm % 10_000)
    .padStart(4, "0")
    .replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : String(whole);
}
