import { EventEmitter } from "node:events";
import {
  applyDecision,
  type Catalog,
  decide,
  type NetworkDirectory,
  nextPeriod,
  type Period,
  PeriodCalendar,
  PeriodCounters,
  partitionOf,
  resolveZone,
} from "../domain/index.ts";
import type { ConsentRow, JournalBatch, OutboxRow, RejectRow, Store, UsageIdentity, UsageRow } from "../store/index.ts";
import type { LineDirectory } from "./directory.ts";
import { outboxRow } from "./notice-payload.ts";
import { type ChargeOutcome, emptyWrites, hasWrites, type OnlineStep, type OnlineStepContext, type OnlineWrites } from "./online/step.ts";
import { EngineStoppedError } from "./stopped.ts";
import type { Clock, EngineRejectCode, RecordOutcome, SubmitResult, UsageInput } from "./types.ts";

export type ConsentResult = { ok: true; consent: ConsentRow } | { ok: false; code: "unknown_line" | "unknown_cap"; message: string };

/**
 * Batches rated ahead of the store: one committing, one waiting. Also the back-pressure when the
 * store is slow or retrying a lost connection: no submission resolves while its commit is pending,
 * so a file import (one submission ahead) and the stream consumers (a window each) stop reading.
 */
const MAX_COMMITS_IN_FLIGHT = 2;

/** A rated batch: what to commit, what to answer, and every record id it saw (for the next batch). */
interface Prepared {
  readonly batch: JournalBatch | undefined;
  readonly results: SubmitResult[];
  readonly seen: Map<string, UsageIdentity>;
}

interface Job {
  readonly records: readonly UsageInput[];
  readonly rejects: readonly RejectRow[];
  readonly source: string;
  /** An online-charging step (Gy), run in queue order with the records around it. */
  readonly step?: OnlineStep;
  readonly resolve: (r: SubmitResult) => void;
  readonly reject: (e: unknown) => void;
}

/** What the engine tells adapters, always after the commit. */
export interface EngineEvents {
  /** A batch is durable: its outbox rows may now be dispatched. `seconds`: how long the store took to commit it. */
  committed: [batch: JournalBatch, seconds?: number];
  /** A customer consented to pass a cap (or raised it): open sessions should be re-authorised. */
  consent: [consent: ConsentRow];
}

export interface EngineOptions {
  /** Most records written in one transaction (group commit). */
  readonly maxBatch?: number;
  /**
   * The partitions this engine owns (a partitioned deployment): only their lines are loaded, and
   * a record of a line of another partition is refused as `wrong_partition`, not `unknown_line`,
   * so that it is visibly misrouted. Absent: one engine owns every partition.
   */
  readonly partitions?: ReadonlySet<number>;
}

/**
 * The single writer: owns every line's state in memory, rates and guards each record with the
 * pure core, and journals the batch in one transaction before anyone hears "accepted".
 * Submissions queued while a batch commits are grouped into the next one.
 */
export class ChargingEngine {
  readonly calendar: PeriodCalendar;
  private readonly queue: Job[] = [];
  private draining = false;
  private failed: Error | undefined;
  private readonly maxBatch: number;
  readonly events = new EventEmitter<EngineEvents>();
  /** The last commit handed to the store; the next one runs after it. */
  private commitTail: Promise<void> = Promise.resolve();
  private commitsInFlight = 0;
  /** The commits handed to the store and not yet done, oldest first (they complete in order). */
  private readonly committing: Promise<void>[] = [];
  /** What each batch handed to the store and not yet committed accepted: the idempotency check must see it. */
  private readonly uncommitted: Map<string, UsageIdentity>[] = [];

  constructor(
    readonly store: Store,
    readonly catalog: Catalog,
    readonly networks: NetworkDirectory,
    readonly lines: LineDirectory,
    private readonly closed: Set<Period>,
    private readonly clock: Clock,
    options: EngineOptions = {},
  ) {
    this.calendar = new PeriodCalendar(catalog.timeZone);
    this.maxBatch = options.maxBatch ?? 8192;
    this.partitions = options.partitions;
  }

  readonly partitions: ReadonlySet<number> | undefined;

  /** Rates, guards and journals records; resolves once they are committed. */
  submit(records: readonly UsageInput[], source: string, rejects: readonly RejectRow[] = []): Promise<SubmitResult> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.queue.push({ records, rejects, source, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  /** Runs an online step inside the writer queue; resolves once the batch it joined is committed. */
  online(step: OnlineStep, source: string): Promise<SubmitResult> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.queue.push({ records: [], rejects: [], source, step, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  /** Runs `work` alone, after everything queued before it is committed (period close, consent). */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    await this.submit([], "barrier");
    return work();
  }

  isClosed(period: Period): boolean {
    return this.closed.has(period);
  }

  markClosed(period: Period): void {
    this.closed.add(period);
  }

  /** The period a usage of `usagePeriod` is billed in: itself, or the next open one if invoiced. */
  billPeriodFor(usagePeriod: Period): Period {
    let p = usagePeriod;
    while (this.closed.has(p)) p = nextPeriod(p);
    return p;
  }

  /**
   * Rates batch after batch while earlier ones commit: with a store that writes on its own thread,
   * rating the next batch overlaps writing this one. Commits run strictly in order and each job
   * is resolved only after its own commit.
   */
  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.failed) {
      const jobs: Job[] = [];
      let size = 0;
      while (this.queue.length > 0 && (jobs.length === 0 || size + (this.queue[0]?.records.length ?? 0) <= this.maxBatch)) {
        const job = this.queue.shift() as Job;
        jobs.push(job);
        size += job.records.length;
      }
      try {
        this.chainCommit(jobs, await this.process(jobs));
      } catch (error) {
        this.stop(error, jobs);
      }
      // Only the oldest commit is awaited, not the newest: the next batch is rated while that one commits.
      if (this.commitsInFlight >= MAX_COMMITS_IN_FLIGHT) await this.committing[0];
    }
    this.draining = false;
  }

  private chainCommit(jobs: readonly Job[], prepared: Prepared): void {
    const { batch, results, seen } = prepared;
    this.uncommitted.push(seen);
    this.commitsInFlight++;
    this.commitTail = this.commitTail
      .then(async () => {
        if (this.failed) throw this.failed;
        if (batch) {
          const started = performance.now();
          await this.store.commit(batch);
          this.events.emit("committed", batch, (performance.now() - started) / 1000);
        }
        for (const [i, job] of jobs.entries()) job.resolve(results[i] as SubmitResult);
      })
      .catch((error: unknown) => this.stop(error, jobs))
      .finally(() => {
        this.commitsInFlight--;
        this.committing.shift();
        this.uncommitted.splice(this.uncommitted.indexOf(seen), 1);
      });
    this.committing.push(this.commitTail);
  }

  /** After a failed commit the memory may be ahead of the store: refuse everything until restarted. */
  private stop(error: unknown, jobs: readonly Job[]): void {
    this.failed ??= new EngineStoppedError(error);
    for (const job of [...jobs, ...this.queue.splice(0)]) job.reject(this.failed);
  }

  private async process(jobs: readonly Job[]): Promise<Prepared> {
    const ids: string[] = [];
    for (const job of jobs) for (const r of job.records) ids.push(r.recordId);
    // Rows still being committed are invisible to the store's lookup: take them first, in the same tick.
    const inFlight: UsageIdentity[] = [];
    for (const seen of this.uncommitted) {
      for (const id of ids) {
        const row = seen.get(id);
        if (row) inFlight.push(row);
      }
    }
    const existing = ids.length > 0 ? await this.store.findUsage(ids) : new Map<string, UsageIdentity>();
    for (const row of inFlight) existing.set(row.recordId, row);
    const usage: UsageRow[] = [];
    const outbox: OutboxRow[] = [];
    const allRejects: RejectRow[] = [];
    const now = new Date(this.clock.now()).toISOString();
    const results: SubmitResult[] = [];
    const writes = emptyWrites();
    for (const job of jobs) {
      const rejects: RejectRow[] = [...job.rejects];
      const outcomes: RecordOutcome[] = [];
      let accepted = 0;
      let duplicates = 0;
      for (const record of job.records) {
        const outcome = this.one(record, job.source, existing, usage, outbox, now);
        if (outcome === "accepted") accepted++;
        else if (outcome === "duplicate") duplicates++;
        else rejects.push(outcome);
        outcomes.push(typeof outcome === "string" ? outcome : "rejected");
      }
      if (job.step) job.step(this.stepContext(job.source, existing, usage, outbox, rejects, writes, now));
      allRejects.push(...rejects);
      results.push({ accepted, duplicates, rejected: rejects.length, rejects, outcomes });
    }
    const batch: JournalBatch = { usage, outbox, rejects: allRejects, ...(hasWrites(writes) ? { online: writes } : {}) };
    const empty = usage.length + outbox.length + allRejects.length === 0 && !batch.online;
    return { batch: empty ? undefined : batch, results, seen: existing };
  }

  private one(
    r: UsageInput,
    source: string,
    existing: Map<string, UsageIdentity>,
    usage: UsageRow[],
    outbox: OutboxRow[],
    now: string,
  ): "accepted" | "duplicate" | RejectRow {
    const resolved = this.lines.resolve(r);
    const seen = existing.get(r.recordId);
    if (seen) {
      return resolved.ok && sameRecord(seen, r, resolved.line.record.lineId)
        ? "duplicate"
        : rejectRow(r, source, "record_id_conflict", `record_id ${r.recordId} was already accepted with different content`);
    }
    if (!resolved.ok) {
      if (this.partitions && r.lineId !== undefined && !this.partitions.has(partitionOf(r.lineId)))
        return rejectRow(r, source, "wrong_partition", `line ${r.lineId} is in partition ${partitionOf(r.lineId)}, not owned by this engine`);
      return rejectRow(r, source, resolved.code, resolved.message);
    }
    const line = resolved.line;
    const network = this.networks.lookup(r.servingPlmn);
    if (!network)
      return rejectRow(r, source, "unknown_serving_network", `serving network ${r.servingPlmn} is not in the MCC-MNC reference (${this.networks.source})`);
    const where = resolveZone(this.catalog, network);
    const usagePeriod = this.calendar.periodOf(r.startedMs);
    const quantity = r.service === "data" ? r.bytesUp + r.bytesDown : r.service === "voice" ? r.durationS : 1;
    const counters = line.counters(usagePeriod);
    const account = this.lines.accountCounters(line, usagePeriod) ?? counters;
    const facts = { service: r.service, zone: where.zone, country: where.country, countryName: where.countryName, quantity };
    const terms = line.termsAt(usagePeriod);
    const decision = decide(facts, { plan: terms.plan, caps: terms.caps, line: counters, account });
    if (!decision.ok) return rejectRow(r, source, "rating_failed", decision.message);
    applyDecision(facts, decision, counters, account);
    const record = line.record;
    const row: UsageRow = {
      recordId: r.recordId,
      lineId: record.lineId,
      service: r.service,
      startedMs: r.startedMs,
      durationS: r.durationS,
      bytesUp: r.bytesUp,
      bytesDown: r.bytesDown,
      servingPlmn: r.servingPlmn,
      ratingGroup: r.ratingGroup,
      sessionId: r.sessionId,
      usagePeriod,
      billPeriod: this.billPeriodFor(usagePeriod),
      zone: where.zone,
      country: where.country,
      quantity,
      allowanceId: decision.allowanceId,
      allowanceUsed: decision.allowanceUsed,
      units: decision.billableUnits,
      unitLabel: decision.unitLabel,
      amount: decision.amount,
      overUnits: decision.overUnits,
      overCapId: decision.overCapId,
      throttled: decision.throttled,
      source,
    };
    usage.push(row);
    for (const notice of decision.notices) outbox.push(outboxRow(record, usagePeriod, notice, now));
    // The row carries the record's identity: a second copy later in the batch is a duplicate.
    existing.set(r.recordId, row);
    return "accepted";
  }

  /** What an online step may do inside the batch: charge used units like a record, add its writes. */
  private stepContext(
    source: string,
    existing: Map<string, UsageIdentity>,
    usage: UsageRow[],
    outbox: OutboxRow[],
    rejects: RejectRow[],
    writes: OnlineWrites,
    now: string,
  ): OnlineStepContext {
    const charge = (record: UsageInput): ChargeOutcome => {
      const at = usage.length;
      const outcome = this.one(record, source, existing, usage, outbox, now);
      if (outcome === "accepted") return { kind: "accepted", row: usage[at] as UsageRow };
      if (outcome === "duplicate") return { kind: "duplicate" };
      rejects.push(outcome);
      return { kind: "rejected", reject: outcome };
    };
    return { charge, writes, now };
  }

  /**
   * Records a customer's consent to continue past a cap for the rest of the period (after a
   * cut-off), durably, then lifts the cap in memory and tells the network adapters.
   */
  consent(lineId: string, capId: string, period: Period, actor: string, channel: string): Promise<ConsentResult> {
    return this.exclusive(async () => {
      const line = this.lines.get(lineId);
      if (!line) return { ok: false, code: "unknown_line", message: `no line ${lineId}` } as const;
      if (!line.caps.some((c) => c.cap.id === capId)) return { ok: false, code: "unknown_cap", message: `line ${lineId} has no cap ${capId}` } as const;
      const consent: ConsentRow = { lineId, period, capId, at: new Date(this.clock.now()).toISOString(), actor, channel };
      await this.store.recordConsent(consent);
      const counters = line.counters(period);
      counters.consented ??= new Set();
      counters.consented.add(capId);
      this.events.emit("consent", consent);
      return { ok: true, consent } as const;
    });
  }

  /** Counters of a line in a period (empty ones if it has no usage there). */
  countersOf(lineId: string, period: Period): PeriodCounters | undefined {
    const line = this.lines.get(lineId);
    return line ? (line.peek(period) ?? new PeriodCounters(period)) : undefined;
  }
}

/** A refused record as the journal keeps it (built only on the rare path: no closure per record). */
function rejectRow(r: UsageInput, source: string, code: EngineRejectCode, message: string): RejectRow {
  return { source, lineNo: r.lineNo, recordId: r.recordId, code, message, raw: r.raw };
}

function sameRecord(a: UsageIdentity, r: UsageInput, lineId: string): boolean {
  return (
    a.lineId === lineId &&
    a.service === r.service &&
    a.startedMs === r.startedMs &&
    a.durationS === r.durationS &&
    a.bytesUp === r.bytesUp &&
    a.bytesDown === r.bytesDown &&
    a.servingPlmn === r.servingPlmn &&
    a.ratingGroup === r.ratingGroup &&
    a.sessionId === r.sessionId
  );
}
