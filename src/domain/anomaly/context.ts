/**
 * Per line and period, everything that does not change as days are added: the line's identity,
 * its profile from history, its peer group. Built once; the detectors then fold over days.
 */
import { daysInMonth, firstDayOf, type IsoDate, lastDayOf, type MonthId } from "./calendar.ts";
import { type DayView, dailyViews } from "./day.ts";
import type { DetectionOptions } from "./options.ts";
import type { PeerStats } from "./peers.ts";
import { buildProfile, type LineProfile } from "./profile.ts";
import type { LineInput, Mcc } from "./types.ts";

export interface LineContext {
  readonly lineId: string;
  readonly accountId: string;
  readonly planId: string;
  readonly homeMcc: Mcc;
  readonly period: MonthId;
  readonly periodDays: number;
  /** The first day watched: the period's first day, or the activation day if later. */
  readonly watchFrom: IsoDate;
  /** Undefined for a line with too little history to have habits. */
  readonly profile: LineProfile | undefined;
  /** Undefined when the plan has no peer statistics. */
  readonly peers: PeerStats | undefined;
  readonly options: DetectionOptions;
}

const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

function historyViews(line: LineInput): DayView[] {
  const out: DayView[] = [];
  for (const month of line.history) {
    const from = later(firstDayOf(month.month), line.activatedOn);
    const to = lastDayOf(month.month);
    if (from <= to) out.push(...dailyViews(month.days, line.homeMcc, from, to));
  }
  return out;
}

/**
 * Usage before the recorded activation means the activation date is the wrong one (it is
 * optional in the lines file): the usage is what happened, so watching starts there.
 */
function watchFrom(line: LineInput): IsoDate {
  const from = later(firstDayOf(line.period), line.activatedOn);
  const first = line.days[0]?.date;
  return first !== undefined && first < from ? first : from;
}

/** `line` must have passed `validateLine`. */
export function prepareLine(line: LineInput, peers: readonly PeerStats[], options: DetectionOptions): LineContext {
  return {
    lineId: line.lineId,
    accountId: line.accountId,
    planId: line.planId,
    homeMcc: line.homeMcc,
    period: line.period,
    periodDays: daysInMonth(line.period),
    watchFrom: watchFrom(line),
    profile: buildProfile(historyViews(line), options),
    peers: peers.find((p) => p.planId === line.planId),
    options,
  };
}
