/**
 * The store's ports. The engine and the CLI speak only these interfaces; `sqlite/` is the
 * embedded adapter, a PostgreSQL adapter implements the same ports and passes the same
 * contract tests (`contract.ts`). Methods are async so that a networked store fits.
 */
import type { InvoiceStatus, Micros, Period, Service, Zone } from "../domain/index.ts";
import type { AnomalyStore } from "./anomaly-ports.ts";
import type { AuthStore } from "./auth-ports.ts";
import type { OnlineBatch, OnlineStore } from "./online-ports.ts";
import type { ReviewStore } from "./review-ports.ts";
import type { SeriesStore } from "./series-ports.ts";

export interface LineRecord {
  readonly lineId: string;
  readonly accountId: string;
  readonly imsi: string;
  readonly msisdn: string;
  readonly planId: string;
  readonly email: string | undefined;
  readonly locale: "fr" | "en";
  readonly roamingCap: Micros | undefined;
  readonly roamingOptOut: boolean;
  /** The fee of a line on a plan whose fee is inherited (`monthly_fee: inherit`). */
  readonly monthlyFee: Micros | undefined;
  readonly activatedAt: string | undefined;
}

/** One accepted usage record with its rating: the journal entry, counter deltas included. */
export interface UsageRow {
  readonly recordId: string;
  readonly lineId: string;
  readonly service: Service;
  readonly startedMs: number;
  readonly durationS: number;
  readonly bytesUp: number;
  readonly bytesDown: number;
  readonly servingPlmn: string;
  readonly ratingGroup: number | undefined;
  readonly sessionId: string | undefined;
  readonly usagePeriod: Period;
  readonly billPeriod: Period;
  readonly zone: Zone;
  readonly country: string;
  readonly quantity: number;
  readonly allowanceId: string | undefined;
  readonly allowanceUsed: number;
  readonly units: number;
  readonly unitLabel: string;
  readonly amount: Micros;
  readonly overUnits: number;
  readonly overCapId: string | undefined;
  readonly throttled: boolean;
  readonly source: string;
}

/** The fields that make two records with the same record_id the same record. */
export type UsageIdentity = Pick<
  UsageRow,
  "recordId" | "lineId" | "service" | "startedMs" | "durationS" | "bytesUp" | "bytesDown" | "servingPlmn" | "ratingGroup" | "sessionId"
>;

export interface OutboxRow {
  /** `<line>:<period>:<notice key>`: the idempotency key; a second insert is ignored. */
  readonly key: string;
  readonly lineId: string;
  readonly accountId: string;
  readonly period: Period;
  readonly kind: string;
  readonly urgent: boolean;
  readonly payload: string;
  readonly createdAt: string;
}

export interface RejectRow {
  readonly source: string;
  readonly lineNo: number;
  readonly recordId: string | undefined;
  readonly code: string;
  readonly message: string;
  readonly raw: string;
}

/** Everything one group commit writes, in one transaction. */
export interface JournalBatch {
  readonly usage: readonly UsageRow[];
  readonly outbox: readonly OutboxRow[];
  readonly rejects: readonly RejectRow[];
  /** Online charging's session state and answers, committed with the rows they go with. */
  readonly online?: OnlineBatch;
}

export interface CounterAggregate {
  readonly lineId: string;
  readonly period: Period;
  readonly service: Service;
  readonly zone: Zone;
  readonly quantity: number;
  readonly amount: number;
}

export interface AllowanceAggregate {
  readonly lineId: string;
  readonly period: Period;
  readonly allowanceId: string;
  readonly used: number;
}

export interface NoticeMark {
  readonly lineId: string;
  readonly period: Period;
  readonly noticeKey: string;
}

export interface StoredNotice {
  readonly id: number;
  readonly key: string;
  readonly lineId: string;
  readonly period: Period;
  readonly kind: string;
  readonly urgent: boolean;
  readonly status: string;
  readonly payload: string;
  readonly createdAt: string;
}

export interface ConsentRow {
  readonly lineId: string;
  readonly period: Period;
  readonly capId: string;
  readonly at: string;
  readonly actor: string;
  readonly channel: string;
}

export interface UsageAggregateRow {
  readonly lineId: string;
  readonly service: Service;
  readonly zone: Zone;
  readonly country: string;
  readonly usagePeriod: Period;
  readonly quantity: number;
  readonly units: number;
  readonly unitLabel: string;
  readonly amount: number;
  readonly overUnits: number;
  readonly overCapIds: string;
  readonly records: number;
}

export interface StoredInvoice {
  readonly invoiceId: string;
  readonly accountId: string;
  readonly period: Period;
  readonly status: InvoiceStatus;
  readonly totalExclTax: Micros;
  /** The invoice document (JSON of the interchange format). */
  readonly document: string;
}

export interface InvoiceEvent {
  readonly invoiceId: string;
  readonly at: string;
  readonly actor: string;
  readonly from: InvoiceStatus | undefined;
  readonly to: InvoiceStatus;
  readonly reason: string;
}

export interface ImportSummary {
  readonly importId: string;
  readonly source: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly read: number;
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly rejectsFile: string | undefined;
}

/**
 * The partitions whose state a `load*` method returns (domain/partition.ts): an engine of a
 * partitioned deployment loads only what it owns, so that its start and a takeover cost its
 * share of the store, not the whole. Absent: every line (one engine owns them all).
 */
export type PartitionFilter = readonly number[];

export interface Store {
  readonly kind: "sqlite" | "postgres";
  readonly online: OnlineStore;
  /** Held invoices, credit notes, payment plans, contacts, scheduled plan changes. */
  readonly review: ReviewStore;
  /** API tokens and the audit log (optional until every adapter has them; the HTTP API needs them). */
  readonly auth?: AuthStore;
  /** A line's journal by hour, for the line-360 chart. */
  readonly series?: SeriesStore;
  /** Abnormal-consumption reads and dismissals, where the adapter keeps them itself (PostgreSQL); see `anomalyStoreOf`. */
  readonly anomaly?: AnomalyStore;
  /**
   * The owners of partitioned engines whose leases are live (PostgreSQL; none on SQLite, which
   * has no partitioned engines). A period is closed only with none running: they would not learn
   * of the close.
   */
  liveEngines?(): Promise<string[]>;
  /**
   * Marks `period` as being closed (PostgreSQL, for partitioned engines): engines opening from now
   * bill its late usage into the next open period. `closePeriod` ends the mark.
   */
  beginClose?(period: Period): Promise<void>;
  /** Periods marked by `beginClose` whose close has not committed yet. */
  closingPeriods?(): Promise<Period[]>;
  /** Lines are replaced whole: the file is validated first, then written in one transaction. */
  upsertLines(lines: readonly LineRecord[]): Promise<void>;
  loadLines(partitions?: PartitionFilter): Promise<LineRecord[]>;
  getLine(lineId: string): Promise<LineRecord | undefined>;

  /** Stored identities of those record ids that already exist. */
  findUsage(recordIds: readonly string[]): Promise<Map<string, UsageIdentity>>;
  commit(batch: JournalBatch): Promise<void>;

  /** The journal's sums by line, period, service and zone: the counters an engine starts from. */
  loadCounters(partitions?: PartitionFilter): Promise<CounterAggregate[]>;
  loadAllowances(partitions?: PartitionFilter): Promise<AllowanceAggregate[]>;
  loadNoticeMarks(partitions?: PartitionFilter): Promise<NoticeMark[]>;
  loadConsents(partitions?: PartitionFilter): Promise<ConsentRow[]>;
  recordConsent(consent: ConsentRow): Promise<void>;
  listNotices(filter: { lineId?: string; period?: Period; kind?: string }): Promise<StoredNotice[]>;

  closedPeriods(): Promise<Period[]>;
  usageForBilling(period: Period): Promise<UsageAggregateRow[]>;
  /** Marks the period closed and stores its invoices and their first events, atomically. */
  closePeriod(period: Period, invoices: readonly StoredInvoice[], events: readonly InvoiceEvent[]): Promise<void>;
  listInvoices(period: Period | undefined): Promise<StoredInvoice[]>;
  invoiceEvents(invoiceId: string): Promise<InvoiceEvent[]>;

  recordImport(summary: ImportSummary): Promise<void>;
  listRejects(source: string | undefined, limit: number): Promise<RejectRow[]>;
  close(): Promise<void>;
}
