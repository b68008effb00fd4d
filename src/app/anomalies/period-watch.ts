/**
 * One billing period watched as usage is committed: a tracker per line (the detectors' fold,
 * `trackLine`/`observeDay`), the days not folded yet, and the past days of lines not tracked yet.
 * A day is folded once it is complete: when the line has usage on a later day (files and streams
 * deliver a line's records roughly in order) or when the clock is past it. A record for a day
 * already folded is too late for the tracker; the batch scan at close still counts it.
 */
import {
  firstDayOf,
  type IsoDate,
  type LineInput,
  type LineTracker,
  type MonthId,
  observeDay,
  type PeerSample,
  type PeerStats,
  type Problem,
  peerStatsFromSamples,
  type Reason,
  type ReportOptions,
  trackLine,
} from "../../domain/anomaly/index.ts";
import type { Micros, Octets } from "../../domain/index.ts";
import type { UsageSlot } from "../../store/index.ts";
import { DayTotals, type LocalSlots, weekdayOf } from "./days.ts";
import { activationDay, type LineIdentity } from "./series.ts";

export interface WatchContext {
  readonly period: MonthId;
  /** The months before the period that make a line's history, oldest first. */
  readonly history: readonly MonthId[];
  readonly homeMcc: string;
  readonly local: LocalSlots;
  readonly identity: (lineId: string) => LineIdentity | undefined;
}

interface LineWatch {
  tracker: LineTracker | undefined;
  readonly pending: Map<IsoDate, DayTotals>;
  /** Past days, kept until the tracker is made: its profile is fixed from then on. */
  past: Map<IsoDate, DayTotals> | undefined;
}

export interface Appeared {
  readonly lineId: string;
  readonly reasons: readonly Reason[];
}

function dayIn(days: Map<IsoDate, DayTotals>, date: IsoDate): DayTotals {
  let day = days.get(date);
  if (day === undefined) {
    day = new DayTotals(date);
    days.set(date, day);
  }
  return day;
}

const sorted = (days: Map<IsoDate, DayTotals>): DayTotals[] => [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));

export class PeriodWatch {
  private readonly lines = new Map<string, LineWatch>();
  private peers: readonly PeerStats[] = [];
  private readonly windowStart: IsoDate;

  constructor(readonly ctx: WatchContext) {
    this.windowStart = firstDayOf(ctx.history[0] ?? ctx.period);
  }

  add(slot: UsageSlot): void {
    const { date, hour } = this.ctx.local.of(slot.slotMs);
    const month = date.slice(0, 7);
    let watch = this.lines.get(slot.lineId);
    if (watch === undefined) {
      watch = { tracker: undefined, pending: new Map(), past: undefined };
      this.lines.set(slot.lineId, watch);
    }
    if (month === this.ctx.period) {
      if (watch.tracker !== undefined && date < watch.tracker.state.nextDate) return;
      dayIn(watch.pending, date).add(slot, hour);
    } else if (watch.tracker === undefined && this.ctx.history.includes(month)) {
      watch.past ??= new Map();
      dayIn(watch.past, date).add(slot, hour);
    }
  }

  private activation(watch: LineWatch, identity: LineIdentity): IsoDate {
    const dates = [...(watch.past?.keys() ?? []), ...watch.pending.keys()].sort();
    return activationDay(identity, dates[0], this.windowStart, this.ctx.period, this.ctx.local.calendar);
  }

  /**
   * The peers' monthly figures, from the past days loaded when the watch was built: lines first
   * seen later are compared with these, not added to them.
   */
  settlePeers(): void {
    const samples: PeerSample[] = [];
    for (const [lineId, watch] of this.lines) {
      const identity = this.ctx.identity(lineId);
      if (identity === undefined || watch.past === undefined) continue;
      const activated = this.activation(watch, identity);
      for (const month of this.ctx.history) {
        if (activated > firstDayOf(month)) continue;
        let octets = 0;
        let spend = 0;
        for (const day of watch.past.values()) {
          if (!day.date.startsWith(month)) continue;
          octets += day.totalOctets;
          spend += day.totalSpend;
        }
        samples.push({ planId: identity.planId, octets: octets as Octets, spend: spend as Micros });
      }
    }
    this.peers = peerStatsFromSamples(samples);
  }

  private open(lineId: string, watch: LineWatch, problems: Problem[]): LineTracker | undefined {
    const identity = this.ctx.identity(lineId);
    if (identity === undefined) return undefined;
    const past = sorted(watch.past ?? new Map());
    const line: LineInput = {
      ...identity,
      homeMcc: this.ctx.homeMcc,
      activatedOn: this.activation(watch, identity),
      period: this.ctx.period,
      days: [],
      history: this.ctx.history.map((month) => ({
        month,
        days: past.filter((d) => d.date.startsWith(month)).map((d) => d.toDaily(weekdayOf(d.date))),
      })),
    };
    const opened = trackLine(line, this.peers);
    if (!opened.ok) problems.push(...opened.error);
    return opened.ok ? opened.value : undefined;
  }

  /**
   * Folds every complete day of the lines given (all when omitted): days before a line's latest
   * one, and any day before `clockComplete` (a date; "" when the clock decides nothing).
   */
  fold(report: ReportOptions, clockComplete: IsoDate, lineIds?: Iterable<string>): { appeared: Appeared[]; problems: Problem[] } {
    const appeared: Appeared[] = [];
    const problems: Problem[] = [];
    for (const lineId of lineIds ?? this.lines.keys()) {
      const watch = this.lines.get(lineId);
      if (watch === undefined || watch.pending.size === 0) continue;
      const days = sorted(watch.pending);
      const latest = days.at(-1)?.date;
      for (const day of days) {
        if (day.date === latest && day.date >= clockComplete) break;
        watch.pending.delete(day.date);
        watch.tracker ??= this.open(lineId, watch, problems);
        watch.past = undefined;
        if (watch.tracker === undefined) continue;
        const seen = observeDay(watch.tracker, day.toDaily(weekdayOf(day.date)), report);
        if (!seen.ok) {
          problems.push(...seen.error);
          continue;
        }
        watch.tracker = seen.value.tracker;
        if (seen.value.appeared.length > 0) appeared.push({ lineId, reasons: seen.value.appeared });
      }
    }
    return { appeared, problems };
  }

  /** Every line's tracker, for announcing what stands (after a rebuild). */
  trackers(): LineTracker[] {
    return [...this.lines.values()].flatMap((w) => (w.tracker === undefined ? [] : [w.tracker]));
  }
}
