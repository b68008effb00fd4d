import type { HoldRule } from "../catalog/types.ts";
import { type Micros, toCents } from "../money.ts";
import type { HoldReason, InvoiceLine, NotBilled } from "./types.ts";

export interface HoldFacts {
  readonly totalExclTax: Micros;
  readonly currency: string;
  readonly lines: readonly InvoiceLine[];
  readonly notBilled: readonly NotBilled[];
  /** Reasons found elsewhere (abnormal consumption…), added to the rules' own. */
  readonly extra: readonly HoldReason[];
}

/** Every hold reason that applies; an invoice is held while any stands. */
export function holdReasons(rules: readonly HoldRule[], facts: HoldFacts): HoldReason[] {
  const reasons: HoldReason[] = [];
  for (const rule of rules) {
    switch (rule.kind) {
      case "amount_above":
        if (facts.totalExclTax > rule.threshold) {
          reasons.push({
            code: rule.code,
            message: `total ${toCents(facts.totalExclTax)} ${facts.currency} excl. VAT is above the review threshold of ${toCents(rule.threshold)} ${facts.currency}`,
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
    }
  }
  return [...reasons, ...facts.extra];
}
