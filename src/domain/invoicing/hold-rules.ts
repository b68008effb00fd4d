import type { HoldRule } from "../catalog/types.ts";
import { type Micros, toCents } from "../money.ts";
import type { HoldReason, InvoiceLine, NotBilled } from "./types.ts";

/**
 * What an abnormal-consumption detector found on one line, as the hold rules need it. Any
 * detector's finding fits (the anomaly module's `LineFinding` does): the rules read the score
 * and the people-readable reasons, nothing else.
 */
export interface ConsumptionFinding {
  readonly lineId: string;
  readonly score: number;
  readonly reasons: readonly { readonly code: string; readonly message: string }[];
}

export interface HoldFacts {
  readonly totalExclTax: Micros;
  readonly currency: string;
  readonly lines: readonly InvoiceLine[];
  readonly notBilled: readonly NotBilled[];
  /** Reasons found elsewhere, added to the rules' own. */
  readonly extra: readonly HoldReason[];
  /** True when the account has never been invoiced before. */
  readonly firstInvoice?: boolean;
  /** Findings of the abnormal-consumption detectors on the invoice's lines. */
  readonly findings?: readonly ConsumptionFinding[];
}

/** Every hold reason that applies; an invoice is held while any stands. */
export function holdReasons(rules: readonly HoldRule[], facts: HoldFacts): HoldReason[] {
  const reasons: HoldReason[] = [];
  const total = `${toCents(facts.totalExclTax)} ${facts.currency}`;
  for (const rule of rules) {
    switch (rule.kind) {
      case "amount_above":
        if (facts.totalExclTax > rule.threshold) {
          reasons.push({
            code: rule.code,
            message: `total ${total} excl. VAT is above the review threshold of ${toCents(rule.threshold)} ${facts.currency}`,
          });
        }
        break;
      case "roaming_line":
        if (facts.lines.some((l) => l.kind === "roaming_data" && l.amount > 0)) {
          reasons.push({ code: rule.code, message: "the invoice bills roaming usage" });
        }
        break;
      case "over_cap_usage":
        if (facts.notBilled.length > 0) {
          reasons.push({ code: rule.code, message: "usage past a cap was recorded and not billed: check with the customer" });
        }
        break;
      case "first_invoice_above":
        if (facts.firstInvoice === true && facts.totalExclTax > rule.threshold) {
          reasons.push({
            code: rule.code,
            message: `first invoice of the account: total ${total} excl. VAT is above the limit of ${toCents(rule.threshold)} ${facts.currency}`,
          });
        }
        break;
      case "abnormal_consumption":
        // One reason per flagged line, so that the reviewer sees which line to ask about.
        for (const f of facts.findings ?? []) {
          if (f.score < rule.minScore || f.reasons.length === 0) continue;
          reasons.push({ code: rule.code, message: `line ${f.lineId}: ${f.reasons.map((r) => r.message).join("; ")}` });
        }
        break;
    }
  }
  return [...reasons, ...facts.extra];
}
