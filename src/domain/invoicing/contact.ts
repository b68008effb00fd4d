import type { Micros } from "../money.ts";
import { type Outcome, refuse, success } from "./review-errors.ts";

/** How a call to the customer went. */
export const CONTACT_OUTCOMES = ["reached", "message_left", "agreed", "disputed"] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export interface ContactAttempt {
  /** RFC 3339. */
  readonly at: string;
  readonly actor: string;
  readonly outcome: ContactOutcome;
  readonly note: string;
}

export function parseOutcome(text: string): Outcome<ContactOutcome> {
  return (CONTACT_OUTCOMES as readonly string[]).includes(text)
    ? success(text as ContactOutcome)
    : refuse("invalid_outcome", `"${text}" is not a contact outcome: use ${CONTACT_OUTCOMES.join(", ")}`);
}

const HOUR = 3_600_000;
/**
 * Call delays. The 2009 measure was to call before the invoice goes out, so the first call is
 * due within two days of the hold; a message left is retried the next day; a customer reached
 * without agreement is followed up within three days; a dispute gets a call back with the
 * decision within five.
 */
export const CALL_DELAYS_H = { first: 48, messageLeft: 24, reached: 72, disputed: 120 } as const;

export interface CallDue {
  readonly dueBy: number;
  readonly why: string;
}

/** The next call an invoice needs, or none once the customer agreed. */
export function nextCall(heldAt: number, holdWhy: string, attempts: readonly ContactAttempt[]): CallDue | undefined {
  const last = attempts.at(-1);
  if (!last) return { dueBy: heldAt + CALL_DELAYS_H.first * HOUR, why: `held (${holdWhy}): call before the invoice is sent` };
  const at = Date.parse(last.at);
  const day = last.at.slice(0, 10);
  switch (last.outcome) {
    case "agreed":
      return undefined;
    case "message_left":
      return { dueBy: at + CALL_DELAYS_H.messageLeft * HOUR, why: `message left on ${day}: call again` };
    case "reached":
      return { dueBy: at + CALL_DELAYS_H.reached * HOUR, why: `reached on ${day} without agreement: follow up` };
    case "disputed":
      return { dueBy: at + CALL_DELAYS_H.disputed * HOUR, why: `disputed on ${day}: call back with the decision` };
  }
}

export interface QueueCandidate {
  readonly invoiceId: string;
  readonly accountId: string;
  readonly heldAt: number;
  readonly holdWhy: string;
  readonly balance: Micros;
  readonly attempts: readonly ContactAttempt[];
}

export interface QueueEntry extends CallDue {
  readonly invoiceId: string;
  readonly accountId: string;
  readonly balance: Micros;
  readonly attempts: number;
  readonly overdue: boolean;
}

/** Who must be called, why and by when: soonest first, then the largest amount. */
export function contactQueue(candidates: readonly QueueCandidate[], now: number): QueueEntry[] {
  const out: QueueEntry[] = [];
  for (const c of candidates) {
    const due = nextCall(c.heldAt, c.holdWhy, c.attempts);
    if (!due) continue;
    out.push({ ...due, invoiceId: c.invoiceId, accountId: c.accountId, balance: c.balance, attempts: c.attempts.length, overdue: due.dueBy < now });
  }
  return out.sort((a, b) => a.dueBy - b.dueBy || b.balance - a.balance || a.invoiceId.localeCompare(b.invoiceId));
}
