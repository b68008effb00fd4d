import type { Service, Zone } from "../catalog/types.ts";
import { type Micros, min, roundToCents, sub, sum, toCents, ZERO } from "../money.ts";
import type { Period } from "../period.ts";
import { balanceOf, isWholeCents } from "./balance.ts";
import type { CreditNote, CreditNoteLine } from "./credit-types.ts";
import { type Outcome, refuse, success } from "./review-errors.ts";
import type { Invoice, InvoiceLine } from "./types.ts";

/** A spend cap as a waiver applies it: what it measures and the limit it should have held. */
export interface WaiverCap {
  readonly id: string;
  readonly name: string;
  /** `undefined` measures every service. */
  readonly service: Service | undefined;
  readonly zones: readonly Zone[];
  readonly limit: Micros;
}

/**
 * Waive what is over a cap, either
 * - `invoice_cap`: everything above an amount for the whole invoice (the 2025 Moroccan roaming
 *   invoice was cut to 500 EUR this way), or
 * - `line_caps`: per line and usage period, whatever the line was billed beyond each spend cap
 *   (a customer who opted out of the roaming cut-off, brought back to the regulation's 50 EUR).
 */
export type WaiverRequest =
  | { readonly kind: "invoice_cap"; readonly cap: Micros }
  | { readonly kind: "line_caps"; readonly capsOf: (lineId: string) => readonly WaiverCap[] };

export function waiverItems(invoice: Invoice, prior: readonly CreditNote[], request: WaiverRequest): Outcome<CreditNoteLine[]> {
  if (request.kind === "invoice_cap") {
    if (request.cap < 0 || !isWholeCents(request.cap)) return refuse("invalid_amount", "a waiver cap must be zero or more, in whole cents (e.g. 500.00)");
    const balance = balanceOf(invoice, prior).exclTax;
    if (balance <= request.cap) {
      return refuse("nothing_to_waive", `the balance of ${toCents(balance)} ${invoice.currency} is not above ${toCents(request.cap)} ${invoice.currency}`);
    }
    return success([
      { invoiceLine: undefined, lineId: undefined, description: `Waived above ${toCents(request.cap)} ${invoice.currency}`, amount: sub(balance, request.cap) },
    ]);
  }
  const items = overLineCaps(invoice, request.capsOf);
  if (items.length === 0) return refuse("nothing_to_waive", `no line of invoice ${invoice.invoiceId} was billed beyond a spend cap`);
  return success(items);
}

function overLineCaps(invoice: Invoice, capsOf: (lineId: string) => readonly WaiverCap[]): CreditNoteLine[] {
  const groups = new Map<string, { lineId: string; period: Period; lines: InvoiceLine[] }>();
  for (const l of invoice.lines) {
    if (serviceOf(l) === undefined) continue;
    const period = l.originalPeriod ?? invoice.period;
    const key = `${l.lineId}|${period}`;
    const g = groups.get(key) ?? { lineId: l.lineId, period, lines: [] };
    g.lines.push(l);
    groups.set(key, g);
  }
  const items: CreditNoteLine[] = [];
  for (const g of groups.values()) {
    // What earlier caps already waived of each invoice line: overlapping caps never waive twice.
    const left = new Map<InvoiceLine, Micros>(g.lines.map((l) => [l, l.amount]));
    for (const cap of capsOf(g.lineId)) {
      const measured = g.lines.filter((l) => (cap.service === undefined || serviceOf(l) === cap.service) && l.zone !== undefined && cap.zones.includes(l.zone));
      const billed = sum(measured.map((l) => left.get(l) ?? ZERO));
      const over = sub(billed, roundToCents(cap.limit));
      if (over <= 0) continue;
      let toTake = over;
      for (const l of measured) {
        const take = min(toTake, left.get(l) ?? ZERO);
        left.set(l, sub(left.get(l) ?? ZERO, take));
        toTake = sub(toTake, take);
      }
      items.push({
        invoiceLine: undefined,
        lineId: g.lineId,
        description: `Waived above the ${cap.name} of ${toCents(roundToCents(cap.limit))} ${invoice.currency} (${g.period})`,
        amount: over,
      });
    }
  }
  return items;
}

/**
 * The service an invoice line bills. Adjustment lines (late usage) do not name it, so their
 * unit tells it: "SMS" for messages, a duration for voice, anything else is data.
 */
export function serviceOf(l: InvoiceLine): Service | undefined {
  switch (l.kind) {
    case "domestic_data":
    case "roaming_data":
      return "data";
    case "voice":
    case "sms":
      return l.kind;
    case "adjustment":
      if (l.unit === "SMS") return "sms";
      return l.unit === "min" || /^\d+s$/.test(l.unit) ? "voice" : "data";
    case "subscription":
    case "credit":
      return undefined;
  }
}
