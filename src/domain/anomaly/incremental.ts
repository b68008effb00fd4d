/**
 * Detection as usage is committed: keep a tracker per line, feed it each completed day once,
 * and learn whether a new finding appeared with it.
 * The tracker's state is plain data, so the engine can persist it beside the line's counters.
 */
import { knownDayNumber } from "./calendar.ts";
import { type LineContext, prepareLine } from "./context.ts";
import { viewOf, zeroDay } from "./day.ts";
import { applyDismissals } from "./dismissal.ts";
import { firedCodes, initLineState, type LineState, reasonsOf, stepLineState } from "./line-state.ts";
import { DEFAULT_OPTIONS, type DetectionOptions } from "./options.ts";
import type { PeerStats } from "./peers.ts";
import { err, ok, type Problem, type Result } from "./problems.ts";
import { combine } from "./rank.ts";
import type { Dismissal, LineFinding, Locale, Reason, Suppression } from "./reasons.ts";
import type { DailyUsage, LineInput } from "./types.ts";
import { dayProblems, validateLine } from "./validate.ts";

export interface LineTracker {
  readonly context: LineContext;
  readonly state: LineState;
}

export interface ReportOptions {
  readonly locale: Locale;
  readonly dismissals: readonly Dismissal[];
}

export interface DayObservation {
  readonly tracker: LineTracker;
  /** Reasons that fired with this day and are not dismissed: the moment to tell someone. */
  readonly appeared: readonly Reason[];
}

function foldDay(ctx: LineContext, s: LineState, day: DailyUsage): LineState {
  let state = s;
  const target = knownDayNumber(day.date);
  for (let n = knownDayNumber(s.nextDate); n < target; n++) {
    state = stepLineState(ctx, state, zeroDay(n));
  }
  return stepLineState(ctx, state, viewOf(day, ctx.homeMcc));
}

/** For a line that already passed `validateLine`. */
export function openTracker(line: LineInput, peers: readonly PeerStats[], options: DetectionOptions): LineTracker {
  const context = prepareLine(line, peers, options);
  let state = initLineState(context);
  for (const day of line.days) state = foldDay(context, state, day);
  return { context, state };
}

/** Starts tracking a line, folding in the period's days it already has. */
export function trackLine(line: LineInput, peers: readonly PeerStats[], options: DetectionOptions = DEFAULT_OPTIONS): Result<LineTracker, readonly Problem[]> {
  const problems = validateLine(line);
  return problems.length > 0 ? err(problems) : ok(openTracker(line, peers, options));
}

/**
 * Usage before the recorded activation (an optional, often approximate field): as in the batch
 * scan, watching starts at the first usage. Only possible before any day has been folded in.
 */
function restartIfEarlier(tracker: LineTracker, day: DailyUsage): LineTracker {
  const { context, state } = tracker;
  if (state.daysObserved > 0 || day.date >= state.nextDate || !day.date.startsWith(context.period)) {
    return tracker;
  }
  const moved = { ...context, watchFrom: day.date };
  return { context: moved, state: initLineState(moved) };
}

/** Adds the next completed day (days may be skipped: silent days count as zero usage). */
export function observeDay(tracker: LineTracker, day: DailyUsage, report: ReportOptions): Result<DayObservation, readonly Problem[]> {
  const { context, state } = restartIfEarlier(tracker, day);
  const problems = dayProblems(context.lineId, context.period, day);
  if (problems.length === 0 && day.date < state.nextDate) {
    problems.push({
      code: "day_out_of_order",
      lineId: context.lineId,
      date: day.date,
      message: `${day.date} was already folded in (next expected day: ${state.nextDate})`,
    });
  }
  if (problems.length > 0) return err(problems);
  const before = new Set(firedCodes(state));
  const next = foldDay(context, state, day);
  const fresh = new Set(firedCodes(next).filter((c) => !before.has(c)));
  const appeared =
    fresh.size === 0
      ? []
      : applyDismissals(
          context.lineId,
          reasonsOf(context, next, report.locale).filter((r) => fresh.has(r.code)),
          report.dismissals,
        ).kept;
  return ok({ tracker: { context, state: next }, appeared });
}

/** The line's finding as of the last day folded in. */
export function findingOf(tracker: LineTracker, report: ReportOptions): { finding: LineFinding | undefined; suppressed: Suppression[] } {
  const { context, state } = tracker;
  const { kept, suppressed } = applyDismissals(context.lineId, reasonsOf(context, state, report.locale), report.dismissals);
  return { finding: combine(context.lineId, context.accountId, kept), suppressed };
}
