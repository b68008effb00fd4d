/**
 * The review desk's ports: credit notes, payment plans, contact attempts, invoice status
 * transitions and scheduled plan changes. Each reviewer action is one `write`, one transaction;
 * the invoice's own content is never rewritten, only its status.
 */
import type { ContactOutcome, InvoiceStatus, Micros, Period, Service, Zone } from "../domain/index.ts";
import type { InvoiceEvent, LineRecord, OutboxRow, PartitionFilter, StoredInvoice } from "./ports.ts";

export interface StoredCreditNote {
  readonly creditNoteId: string;
  readonly invoiceId: string;
  readonly at: string;
  readonly actor: string;
  readonly reasonCode: string;
  readonly totalExclTax: Micros;
  readonly tax: Micros;
  /** The credit note document (JSON, see docs/review.md). */
  readonly document: string;
}

export interface StoredInstalment {
  readonly seq: number;
  readonly dueDate: string;
  readonly amount: Micros;
}

export interface StoredPaymentPlan {
  readonly planId: string;
  readonly invoiceId: string;
  readonly createdAt: string;
  readonly actor: string;
  /** A credit note or a newer plan supersedes a plan: its sum no longer matches the balance. */
  readonly status: "active" | "superseded";
  readonly total: Micros;
  readonly instalments: readonly StoredInstalment[];
}

export interface StoredContact {
  readonly invoiceId: string;
  readonly accountId: string;
  readonly at: string;
  readonly actor: string;
  readonly outcome: ContactOutcome;
  readonly note: string;
}

export interface PlanChangeRow {
  readonly lineId: string;
  /** The first period rated and billed on the new plan. */
  readonly effectivePeriod: Period;
  readonly fromPlan: string;
  readonly fromFee: Micros | undefined;
  readonly toPlan: string;
  readonly toFee: Micros | undefined;
  readonly scheduledAt: string;
  readonly actor: string;
  readonly status: "scheduled" | "applied";
  readonly appliedAt: string | undefined;
}

/** Everything one reviewer action writes, in one transaction. */
export interface ReviewWrite {
  readonly invoiceId: string;
  /** The status the invoice must still have, and the number of credit notes it must still have:
   * a concurrent action by another reviewer makes this one fail instead of overlapping it. */
  readonly expectedStatus: InvoiceStatus;
  readonly expectedCreditNotes: number;
  /** Status changes in order; the last one's `to` becomes the invoice's status. None: the status stays. */
  readonly events?: readonly InvoiceEvent[];
  /** The invoice document with its new status (required with `events`; nothing else in it changes). */
  readonly document?: string;
  readonly creditNote?: StoredCreditNote;
  readonly paymentPlan?: StoredPaymentPlan;
  readonly contact?: StoredContact;
}

/** A journal row as re-rating needs it, in journal order. */
export interface JournaledUsageRow {
  readonly lineId: string;
  readonly service: Service;
  readonly zone: Zone;
  readonly country: string;
  readonly quantity: number;
  readonly usagePeriod: Period;
  readonly billPeriod: Period;
  readonly units: number;
  readonly unitLabel: string;
  readonly amount: Micros;
  readonly overUnits: number;
  readonly overCapId: string | undefined;
}

export interface ReviewStore {
  getInvoice(invoiceId: string): Promise<StoredInvoice | undefined>;
  invoicesWithStatus(statuses: readonly InvoiceStatus[]): Promise<StoredInvoice[]>;
  /** Accounts that have at least one invoice (the first-invoice hold rule). */
  invoicedAccounts(): Promise<Set<string>>;
  events(invoiceIds: readonly string[]): Promise<InvoiceEvent[]>;
  creditNotes(invoiceId: string): Promise<StoredCreditNote[]>;
  paymentPlans(invoiceId: string): Promise<StoredPaymentPlan[]>;
  contacts(invoiceIds: readonly string[]): Promise<StoredContact[]>;
  /** Applies one action atomically; false (and nothing written) when the invoice changed meanwhile. */
  write(action: ReviewWrite): Promise<boolean>;

  /** Every journaled record of these usage periods (of these lines only, when given), in journal order. */
  journaledUsage(usagePeriods: readonly Period[], lineIds?: ReadonlySet<string>): Promise<JournaledUsageRow[]>;

  /** Plan changes by status, of the lines of `partitions` only when given (an engine's share, `PartitionFilter`). */
  planChanges(status?: PlanChangeRow["status"], partitions?: PartitionFilter): Promise<PlanChangeRow[]>;
  /** Schedules plan changes and writes their notices to the outbox, in one transaction. */
  schedulePlanChanges(changes: readonly PlanChangeRow[], notices: readonly OutboxRow[]): Promise<void>;
  /** Puts lines on their new plans and marks the changes applied, in one transaction. */
  applyPlanChanges(changes: readonly PlanChangeRow[], lines: readonly LineRecord[], at: string): Promise<void>;
}
