import type { Zone } from "../catalog/types.ts";
import { type Micros, parseDecimal } from "../money.ts";
import { type Period, parsePeriod } from "../period.ts";
import type { InvoiceDocument } from "./document.ts";
import type { Invoice, InvoiceLineKind, InvoiceStatus } from "./types.ts";

/**
 * Reads a stored invoice document back into the domain's `Invoice`, money as micros again. The
 * document is the invoice as issued: review actions work from it, not from a rebuild, so that
 * a catalog edited since cannot change what the customer was sent.
 */
export function invoiceFromDocument(doc: InvoiceDocument): Invoice {
  const period = periodOf(doc.period);
  return {
    invoiceId: doc.invoice_id,
    accountId: doc.account_id,
    period,
    currency: doc.currency,
    status: doc.status as InvoiceStatus,
    totalExclTax: moneyOf(doc.total_excl_tax),
    // "19.6" is 19.6 % = 196_000 parts per million = 19_600_000 micros ÷ 100.
    vatPpm: moneyOf(doc.vat_rate) / 100,
    tax: moneyOf(doc.tax),
    totalInclTax: moneyOf(doc.total_incl_tax),
    holdReasons: doc.hold_reasons,
    lines: doc.lines.map((l) => ({
      lineId: l.line_id,
      kind: l.kind as InvoiceLineKind,
      description: l.description,
      zone: (l.zone ?? undefined) as Zone | undefined,
      country: l.country ?? undefined,
      quantity: Number(l.quantity),
      unit: l.unit,
      amount: moneyOf(l.amount_excl_tax),
      originalPeriod: l.original_period ? periodOf(l.original_period) : undefined,
      planId: l.plan_id,
    })),
    notBilled: (doc.not_billed ?? []).map((n) => ({
      lineId: n.line_id,
      zone: n.zone as Zone,
      country: n.country,
      quantity: Number(n.quantity),
      unit: n.unit,
      capIds: n.caps,
    })),
  };
}

function moneyOf(text: string): Micros {
  const value = parseDecimal(text);
  // A stored document that does not parse is a corrupted store, not a user's mistake.
  if (value === undefined) throw new RangeError(`invoice document holds a malformed amount "${text}"`);
  return value;
}

function periodOf(text: string): Period {
  const p = parsePeriod(text);
  if (!p) throw new RangeError(`invoice document holds a malformed period "${text}"`);
  return p;
}
