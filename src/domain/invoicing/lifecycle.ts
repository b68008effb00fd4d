import { type ReviewError, refuse } from "./review-errors.ts";
import type { InvoiceStatus } from "./types.ts";

/**
 * The invoice lifecycle:
 *
 *   draft ─► held ─► approved ─► issued
 *     │        │         │
 *     ├────────┴─────────┴─► void
 *     └─► issued (no hold rule applies)
 *
 * An issued invoice never changes again: corrections are credit notes beside it, never edits.
 * A void invoice is kept, with its events, for the audit trail.
 */
const NEXT: Readonly<Record<InvoiceStatus, readonly InvoiceStatus[]>> = {
  draft: ["held", "issued", "void"],
  held: ["approved", "void"],
  approved: ["issued", "void"],
  issued: [],
  void: [],
};

export function canTransition(from: InvoiceStatus, to: InvoiceStatus): boolean {
  return NEXT[from].includes(to);
}

/** What a reviewer can do, and in which states. */
export const REVIEW_ACTIONS = ["release", "void", "credit", "rerate", "waive", "payment_plan", "contact"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

const ALLOWED: Readonly<Record<ReviewAction, readonly InvoiceStatus[]>> = {
  release: ["held", "approved"],
  void: ["draft", "held", "approved"],
  // A credit note corrects an issued invoice as well: that is what makes issued ones immutable.
  credit: ["held", "approved", "issued"],
  // Re-rating and waivers settle an invoice before it goes out; after, a plain credit note does.
  rerate: ["held"],
  waive: ["held"],
  payment_plan: ["held", "approved", "issued"],
  contact: ["held", "approved", "issued"],
};

export function checkAction(action: ReviewAction, status: InvoiceStatus, invoiceId: string): ReviewError | undefined {
  if (ALLOWED[action].includes(status)) return undefined;
  return refuse("invalid_state", `cannot ${action.replace("_", " ")} invoice ${invoiceId}: it is ${status} (allowed when ${ALLOWED[action].join(" or ")})`);
}

/** The statuses a release walks through: a person's approval is recorded before the issue. */
export function releasePath(status: InvoiceStatus): InvoiceStatus[] {
  return status === "held" ? ["approved", "issued"] : status === "approved" ? ["issued"] : [];
}

/** Every decision on an invoice says why: an empty reason is refused, not defaulted. */
export function checkReason(reason: string | undefined, action: ReviewAction): ReviewError | undefined {
  return reason === undefined || reason.trim() === ""
    ? refuse("missing_reason", `say why (--reason): a ${action.replace("_", " ")} is recorded with who, when and why`)
    : undefined;
}
