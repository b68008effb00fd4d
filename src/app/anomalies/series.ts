/**
 * The batch mapping: a period's journal slots (and those of the months before it) plus the lines
 * → one `LineInput` per line, as `detectAnomalies` and `trackLine` take them. Pure: the caller
 * reads the store and passes the catalog's calendar.
 */
import { firstDayOf, type IsoDate, type LineInput, type MonthId, type MonthSeries, previousMonth } from "../../domain/anomaly/index.ts";
import type { UsageSlot } from "../../store/index.ts";
import { DayTotals, LocalSlots, type LocalTime, localSlot, weekdayOf } from "./days.ts";

/** What the mapping needs of a line record. */
export interface LineIdentity {
  readonly lineId: string;
  readonly accountId: string;
  readonly planId: string;
  /** RFC 3339, when the lines file gave it. */
  readonly activatedAt: string | undefined;
}

export interface SeriesInput {
  readonly period: MonthId;
  /** Complete months before the period, oldest first (see `historyMonths`). */
  readonly history: readonly MonthId[];
  /** The home country's MCC ("208"). */
  readonly homeMcc: string;
  readonly calendar: LocalTime;
  readonly lines: readonly LineIdentity[];
  /** Slots of usage started in the history months and the period, any order. */
  readonly slots: readonly UsageSlot[];
}

/** The `count` months before `period`, oldest first. */
export function historyMonths(period: MonthId, count: number): MonthId[] {
  const out: MonthId[] = [];
  let m = period;
  for (let i = 0; i < count; i++) {
    m = previousMonth(m);
    out.unshift(m);
  }
  return out;
}

/** A line's days, by local date, in date order. */
export function daysOf(slots: readonly UsageSlot[], local: LocalSlots): Map<IsoDate, DayTotals> {
  const days = new Map<IsoDate, DayTotals>();
  for (const slot of slots) {
    const { date, hour } = local.of(slot.slotMs);
    let day = days.get(date);
    if (day === undefined) {
      day = new DayTotals(date);
      days.set(date, day);
    }
    day.add(slot, hour);
  }
  return new Map([...days].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The activation day. The lines file may omit it; the journal then says when the line was first
 * used, except that a line already in use in the oldest month read may be older than the window:
 * it is taken as active from the window's start. A line never used counts from the period's
 * start, so that empty months before it are not counted among its peers' months.
 */
export function activationDay(line: LineIdentity, firstUse: IsoDate | undefined, windowStart: IsoDate, period: MonthId, calendar: LocalTime): IsoDate {
  if (line.activatedAt !== undefined) {
    const at = Date.parse(line.activatedAt);
    if (Number.isFinite(at)) return localSlot(calendar, at).date;
  }
  if (firstUse === undefined) return firstDayOf(period);
  return firstUse.slice(0, 7) === windowStart.slice(0, 7) ? windowStart : firstUse;
}

function seriesOf(days: Map<IsoDate, DayTotals>, month: MonthId): MonthSeries {
  const list = [...days.values()].filter((d) => d.date.startsWith(month));
  return { month, days: list.map((d) => d.toDaily(weekdayOf(d.date))) };
}

export function lineInputs(input: SeriesInput): LineInput[] {
  const byLine = new Map<string, UsageSlot[]>();
  for (const slot of input.slots) {
    const list = byLine.get(slot.lineId);
    if (list === undefined) byLine.set(slot.lineId, [slot]);
    else list.push(slot);
  }
  const windowStart = firstDayOf(input.history[0] ?? input.period);
  const local = new LocalSlots(input.calendar);
  return input.lines.map((line) => {
    const days = daysOf(byLine.get(line.lineId) ?? [], local);
    const firstUse = days.keys().next().value;
    return {
      lineId: line.lineId,
      accountId: line.accountId,
      planId: line.planId,
      homeMcc: input.homeMcc,
      activatedOn: activationDay(line, firstUse, windowStart, input.period, input.calendar),
      period: input.period,
      days: seriesOf(days, input.period).days,
      history: input.history.map((m) => seriesOf(days, m)),
    };
  });
}
