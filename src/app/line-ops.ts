import { type Period, parsePeriod } from "../domain/index.ts";
import { type ChargingEngine, type Clock, type LineState, linePolicy, type OnlineCharging } from "../engine/index.ts";
import type { Store } from "../store/index.ts";
import { UserError } from "./errors.ts";
import { lineReport } from "./line-report.ts";
import { type LineSeriesView, lineSeries } from "./line-series.ts";

/** What a line's own views need: the process that holds the line's state in memory. */
export interface LineDeps {
  readonly store: Store;
  readonly engine: ChargingEngine;
  readonly clock: Clock;
}

export function parsePeriodText(text: string): Period {
  const p = parsePeriod(text);
  if (!p) throw new UserError("invalid_period", `"${text}" is not a period: use YYYY-MM`);
  return p;
}

function lineOf(deps: LineDeps, lineId: string): LineState {
  const line = deps.engine.lines.get(lineId);
  if (!line) throw new UserError("unknown_line", `no line ${lineId}`);
  return line;
}

/** The period asked for, else the line's latest with usage, else the current one. */
function periodFor(deps: LineDeps, line: LineState, periodText: string | undefined): Period {
  if (periodText) return parsePeriodText(periodText);
  return (line.periodList().at(-1) as Period | undefined) ?? deps.engine.calendar.periodOf(deps.clock.now());
}

/** The line 360 report: counters, caps and the period's notices. */
export async function lineView(deps: LineDeps, lineId: string, periodText: string | undefined) {
  const line = lineOf(deps, lineId);
  const period = periodFor(deps, line, periodText);
  const notices = await deps.store.listNotices({ lineId, period });
  return lineReport(deps.engine.catalog, line, period, notices);
}

/** A line's usage by day and zone with its caps and the moments it crossed them. */
export async function lineSeriesView(deps: LineDeps, lineId: string, periodText: string | undefined): Promise<LineSeriesView> {
  const line = lineOf(deps, lineId);
  return lineSeries(deps, lineId, periodFor(deps, line, periodText));
}

/** A line's fair-use status (what the policy server reads over Sy) and its open Gy sessions. */
export function policyView(deps: LineDeps & { readonly online: OnlineCharging }, lineId: string) {
  const policy = linePolicy(deps.engine, lineId, deps.clock.now());
  if (!policy) throw new UserError("unknown_line", `no line ${lineId}`);
  return {
    line_id: policy.lineId,
    period: policy.period,
    status: policy.status,
    counters: policy.counters.map((c) => ({ id: c.id, status: c.status })),
    open_sessions: deps.online.sessionsOf(lineId).length,
  };
}
