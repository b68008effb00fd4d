import {
  type InterchangeFinding,
  type LineFinding,
  type Locale,
  type Problem,
  REASON_CODES,
  type Suppression,
  toInterchange,
} from "../../domain/anomaly/index.ts";
import { type Catalog, type NetworkDirectory, type Period, parsePeriod } from "../../domain/index.ts";
import type { ChargingEngine, Clock } from "../../engine/index.ts";
import { type AnomalyStore, anomalyStoreOf, type OutboxStore, type Store } from "../../store/index.ts";
import { UserError } from "../errors.ts";
import { findingsByAccount, holdsOnFindings } from "./holds.ts";
import { anomalyNoticeRow, countryNames } from "./notice.ts";
import { type AnomalyDeps, isReasonCode, scanPeriod } from "./scan.ts";
import { AnomalyWatcher, type Raised } from "./watcher.ts";

/** What the desk needs from the composition root (the `App` provides all of it). */
export interface AnomalyDeskDeps {
  readonly store: Store;
  readonly catalog: Catalog;
  readonly networks: NetworkDirectory;
  readonly engine: ChargingEngine;
  readonly clock: Clock;
  readonly notices: { readonly outbox: OutboxStore; wake(): void };
}

export interface FindingsReport {
  /** The interchange JSON (spec/interchange.md), highest score first. */
  readonly findings: readonly InterchangeFinding[];
  /** Reasons that fired on lines where a person dismissed them. */
  readonly suppressed: readonly Suppression[];
  /** Lines the detectors could not read (a mapping bug, never the customer's usage). */
  readonly problems: readonly Problem[];
}

export interface DismissalView {
  readonly line_id: string;
  readonly code: string;
  readonly reason: string;
  readonly actor: string;
  readonly at: string;
}

/**
 * Abnormal consumption, as people work with it: the ranked list of a period (who to call before
 * the invoice goes out), remembered false positives, the findings that hold invoices at close,
 * and the watch that announces a finding as soon as the usage that shows it is committed.
 */
export class AnomalyDesk {
  private readonly store: AnomalyStore | undefined;
  private watcher: AnomalyWatcher | undefined;

  constructor(private readonly deps: AnomalyDeskDeps) {
    this.store = anomalyStoreOf(deps.store);
  }

  private anomalyDeps(): AnomalyDeps {
    if (this.store === undefined) {
      throw new UserError("unsupported_store", `the ${this.deps.store.kind} store has no abnormal-consumption adapter`);
    }
    return { engine: this.deps.engine, catalog: this.deps.catalog, store: this.store };
  }

  /** Starts announcing findings as usage is committed (a store without the adapter is not watched). */
  watch(): void {
    if (this.store === undefined || this.watcher !== undefined) return;
    this.watcher = new AnomalyWatcher({ ...this.anomalyDeps(), clock: this.deps.clock, raise: (r) => this.raise(r) });
    this.watcher.start();
  }

  /** Folds the days the clock completed and waits for the announcements (tests, shutdown). */
  async flush(): Promise<void> {
    await this.watcher?.flush();
  }

  async stop(): Promise<void> {
    await this.watcher?.stop();
  }

  get lastWatchError(): Error | undefined {
    return this.watcher?.lastError;
  }

  private async raise(raised: readonly Raised[]): Promise<void> {
    if (raised.length === 0) return;
    const countryOf = countryNames(this.deps.networks);
    const at = new Date(this.deps.clock.now()).toISOString();
    for (const r of raised) {
      const line = this.deps.engine.lines.get(r.lineId);
      if (line !== undefined) await this.deps.notices.outbox.enqueue(anomalyNoticeRow(line.record, r.period, r.reason, countryOf, at));
    }
    this.deps.notices.wake();
  }

  private period(text: string): Period {
    const p = parsePeriod(text);
    if (!p) throw new UserError("invalid_period", `"${text}" is not a period: use YYYY-MM`);
    return p;
  }

  /** The ranked list of a period, `top` highest only when given. */
  async findings(periodText: string, options: { locale?: Locale; top?: number } = {}): Promise<FindingsReport> {
    const { top } = options;
    if (top !== undefined && (!Number.isSafeInteger(top) || top < 1)) throw new UserError("invalid_top", `--top must be a whole number ≥ 1, not ${top}`);
    const report = await scanPeriod(this.anomalyDeps(), this.period(periodText), options.locale ?? "en");
    const findings = toInterchange(top === undefined ? report.findings : report.findings.slice(0, top));
    return { findings, suppressed: report.suppressed, problems: report.problems };
  }

  /** For other features (the review desk, the demo): the period's findings, staff messages in English. */
  async findingsFor(period: Period): Promise<readonly LineFinding[]> {
    return (await scanPeriod(this.anomalyDeps(), period, "en")).findings;
  }

  /**
   * The close's `findings` option, when the catalog holds on findings. The scan waits for every
   * record queued before it: the invoice is held on the same journal it is built from.
   */
  async closeOptions(period: Period, now: number): Promise<{ findings?: ReturnType<typeof findingsByAccount> }> {
    const { engine, catalog } = this.deps;
    if (this.store === undefined || !holdsOnFindings(catalog.holdRules)) return {};
    if (engine.isClosed(period) || now < engine.calendar.endOf(period)) return {};
    const findings = await engine.exclusive(() => this.findingsFor(period));
    return { findings: findingsByAccount(findings) };
  }

  async dismiss(lineId: string, code: string, reason: string, actor: string): Promise<DismissalView> {
    const deps = this.anomalyDeps();
    if (!this.deps.engine.lines.get(lineId)) throw new UserError("unknown_line", `no line ${lineId}`);
    if (!isReasonCode(code)) throw new UserError("unknown_reason_code", `"${code}" is not a reason code: ${REASON_CODES.join(", ")}`);
    if (reason.trim() === "") throw new UserError("reason_required", "say why the pattern is normal for this line: it is kept for the audit");
    const row = { lineId, code, reason: reason.trim(), actor: actor.trim() || "unknown", at: new Date(this.deps.clock.now()).toISOString() };
    await deps.store.recordDismissal(row);
    return { line_id: row.lineId, code: row.code, reason: row.reason, actor: row.actor, at: row.at };
  }

  async dismissals(lineId?: string): Promise<DismissalView[]> {
    const rows = await this.anomalyDeps().store.listDismissals();
    return rows
      .filter((r) => lineId === undefined || r.lineId === lineId)
      .map((r) => ({ line_id: r.lineId, code: r.code, reason: r.reason, actor: r.actor, at: r.at }));
  }
}
