/**
 * Detection as usage is committed. After each commit the watcher reads the journal rows it has
 * not seen (by sequence number, so nothing is read twice or missed, whoever committed them),
 * folds each line's completed days through its tracker, and hands the reasons that appeared to
 * `raise`. The state is in memory: a period is rebuilt from the journal the first time a commit
 * touches it in this process, and what already stands is announced again then — the outbox key
 * makes that a no-op for what was sent, and a notice lost to a crash after its commit is not lost.
 */
import { findingOf, type Problem, type Reason, type ReportOptions } from "../../domain/anomaly/index.ts";
import type { Period } from "../../domain/index.ts";
import type { Clock } from "../../engine/index.ts";
import type { UsageSlot } from "../../store/index.ts";
import { LocalSlots, localSlot } from "./days.ts";
import { PeriodWatch } from "./period-watch.ts";
import { type AnomalyDeps, dismissalsOf, HISTORY_MONTHS, homeMccOf } from "./scan.ts";
import { historyMonths } from "./series.ts";

/** A day is complete for the clock this long after it ends: mediation delivers records late. */
const DAY_GRACE_MS = 6 * 3_600_000;
/** Watched until closed, or this long after its end: later, a notice is old news, and the close holds anyway. */
const WATCH_AFTER_END_MS = 10 * 86_400_000;
/** How often a long-running process folds the days the clock completed. */
const FLUSH_EVERY_MS = 60_000;
/**
 * Commits are read back at most this often. Detection re-runs for every line a catch-up touches:
 * once per commit, a bulk import of 20,000 lines would re-run it thousands of times for nothing.
 */
const CATCH_UP_DELAY_MS = 500;

export interface Raised {
  readonly lineId: string;
  readonly period: Period;
  readonly reason: Reason;
}

export interface WatcherDeps extends AnomalyDeps {
  readonly clock: Clock;
  readonly raise: (raised: readonly Raised[]) => Promise<void>;
}

export class AnomalyWatcher {
  private readonly watches = new Map<Period, PeriodWatch>();
  private readonly local: LocalSlots;
  private seq = 0;
  private chain: Promise<void> = Promise.resolve();
  private catchUpTimer: NodeJS.Timeout | undefined;
  private timer: NodeJS.Timeout | undefined;
  private report: ReportOptions = { locale: "en", dismissals: [] };
  /** The last failure; the state was dropped then, and is rebuilt from the journal. */
  lastError: Error | undefined;
  /** Days the detectors refused (a mapping bug, never usage): the latest few, for a health check. */
  readonly problems: Problem[] = [];

  constructor(private readonly deps: WatcherDeps) {
    this.local = new LocalSlots(deps.engine.calendar);
  }

  start(): void {
    this.stopped = false;
    this.run(async () => {
      this.seq = await this.deps.store.journalHead();
    });
    this.deps.engine.events.on("committed", this.onCommit);
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  /** Stops listening, then folds what the clock completed: nothing read is left unannounced. */
  async stop(): Promise<void> {
    this.deps.engine.events.off("committed", this.onCommit);
    clearInterval(this.timer);
    this.catchUpNow();
    this.stopped = true;
    await this.flush();
  }

  private stopped = false;

  flush(): Promise<void> {
    this.catchUpNow();
    this.run(() => this.foldByClock());
    return this.chain;
  }

  /** Resolves once everything committed so far has been read (tests). */
  idle(): Promise<void> {
    this.catchUpNow();
    return this.chain;
  }

  private readonly onCommit = (): void => {
    if (this.catchUpTimer || this.stopped) return;
    this.catchUpTimer = setTimeout(() => this.catchUpNow(), CATCH_UP_DELAY_MS);
  };

  /** Runs the catch-up a commit scheduled, if any, without waiting for its delay. */
  private catchUpNow(): void {
    if (!this.catchUpTimer) return;
    clearTimeout(this.catchUpTimer);
    this.catchUpTimer = undefined;
    this.run(() => this.catchUp());
  }

  private run(work: () => Promise<void>): void {
    this.chain = this.chain.then(work).catch((error: unknown) => {
      this.lastError = error instanceof Error ? error : new Error(String(error));
      this.watches.clear();
    });
  }

  private watched(period: Period, now: number): boolean {
    return !this.deps.engine.isClosed(period) && now < this.deps.engine.calendar.endOf(period) + WATCH_AFTER_END_MS;
  }

  private async refresh(now: number): Promise<void> {
    for (const period of [...this.watches.keys()]) if (!this.watched(period, now)) this.watches.delete(period);
    this.report = { locale: "en", dismissals: dismissalsOf(await this.deps.store.listDismissals()) };
  }

  /** The start of the oldest history any period still watchable can need. */
  private horizon(now: number): number {
    const calendar = this.deps.engine.calendar;
    const oldest = calendar.periodOf(now - WATCH_AFTER_END_MS);
    return calendar.startOf((historyMonths(oldest, HISTORY_MONTHS)[0] ?? oldest) as Period);
  }

  private async catchUp(): Promise<void> {
    const now = this.deps.clock.now();
    const { head, slots } = await this.deps.store.usageSince(this.seq, this.horizon(now));
    if (slots.length > 0) {
      await this.refresh(now);
      const known = [...this.watches.values()];
      const touched = new Map<PeriodWatch, Set<string>>(known.map((w) => [w, new Set()]));
      for (const slot of slots) this.route(slot, known, touched);
      const raised: Raised[] = [];
      for (const [watch, lines] of touched) raised.push(...this.fold(watch, "", lines));
      for (const period of new Set(slots.map((s) => this.local.of(s.slotMs).date.slice(0, 7) as Period))) {
        if (!this.watches.has(period) && this.watched(period, now)) raised.push(...(await this.rebuild(period, head, now)));
      }
      await this.deps.raise(raised);
    }
    this.seq = head;
  }

  private route(slot: UsageSlot, watches: readonly PeriodWatch[], touched: Map<PeriodWatch, Set<string>>): void {
    const month = this.local.of(slot.slotMs).date.slice(0, 7);
    for (const watch of watches) {
      if (month !== watch.ctx.period && !watch.ctx.history.includes(month)) continue;
      watch.add(slot);
      if (month === watch.ctx.period) touched.get(watch)?.add(slot.lineId);
    }
  }

  /** The period as the journal holds it up to `head`; what stands is announced again. */
  private async rebuild(period: Period, head: number, now: number): Promise<Raised[]> {
    const { engine, catalog, store } = this.deps;
    const history = historyMonths(period, HISTORY_MONTHS);
    const watch = new PeriodWatch({
      period,
      history,
      homeMcc: homeMccOf(catalog),
      local: this.local,
      identity: (lineId) => {
        const r = engine.lines.get(lineId)?.record;
        return r && { lineId: r.lineId, accountId: r.accountId, planId: r.planId, activatedAt: r.activatedAt };
      },
    });
    const from = engine.calendar.startOf((history[0] ?? period) as Period);
    for (const slot of await store.usageSlots({ fromMs: from, toMs: engine.calendar.endOf(period), upToSeq: head })) watch.add(slot);
    watch.settlePeers();
    this.fold(watch, this.clockComplete(now));
    this.watches.set(period, watch);
    return watch.trackers().flatMap((t) => (findingOf(t, this.report).finding?.reasons ?? []).map((reason) => ({ lineId: t.context.lineId, period, reason })));
  }

  private fold(watch: PeriodWatch, clockComplete: string, lines?: Iterable<string>): Raised[] {
    const { appeared, problems } = watch.fold(this.report, clockComplete, lines);
    if (problems.length > 0) this.problems.splice(0, this.problems.length, ...problems.slice(0, 20));
    const period = watch.ctx.period as Period;
    return appeared.flatMap((a) => a.reasons.map((reason) => ({ lineId: a.lineId, period, reason })));
  }

  /** Days before this local date are over for the clock. */
  private clockComplete(now: number): string {
    return localSlot(this.deps.engine.calendar, now - DAY_GRACE_MS).date;
  }

  private async foldByClock(): Promise<void> {
    if (this.watches.size === 0) return;
    const now = this.deps.clock.now();
    await this.refresh(now);
    const raised = [...this.watches.values()].flatMap((w) => this.fold(w, this.clockComplete(now)));
    if (raised.length > 0) await this.deps.raise(raised);
  }
}
