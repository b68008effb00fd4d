import { type Micros, money, type Period, parsePeriod, ZONES } from "../../domain/index.ts";
import type { LineState } from "../../engine/index.ts";
import { UserError } from "../errors.ts";
import type { DeskDeps } from "./deps.ts";
import { planOf } from "./settle.ts";

/** A segment of lines: those on a plan, a list of lines, a list of accounts, or their intersection. */
export interface SegmentInput {
  readonly from?: string | undefined;
  readonly lines?: readonly string[] | undefined;
  readonly accounts?: readonly string[] | undefined;
}

export function selectSegment(deps: DeskDeps, input: SegmentInput): LineState[] {
  if (input.from === undefined && input.lines === undefined && input.accounts === undefined) {
    throw new UserError("segment_required", "choose a segment: a plan (--from), lines (--lines) or accounts (--accounts)");
  }
  if (input.from !== undefined) planOf(deps, input.from);
  if (input.lines) {
    const unknown = input.lines.filter((id) => !deps.engine.lines.get(id));
    if (unknown.length > 0) throw new UserError("unknown_line", `no line ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? "…" : ""}`);
  }
  const lines = input.lines ? new Set(input.lines) : undefined;
  const accounts = input.accounts ? new Set(input.accounts) : undefined;
  const out: LineState[] = [];
  for (const line of deps.engine.lines.all()) {
    if (input.from !== undefined && line.plan.id !== input.from) continue;
    if (lines && !lines.has(line.record.lineId)) continue;
    if (accounts && !accounts.has(line.record.accountId)) continue;
    out.push(line);
  }
  out.sort((a, b) => (a.record.lineId < b.record.lineId ? -1 : 1));
  if (out.length === 0) throw new UserError("empty_segment", "no line fits the segment");
  return out;
}

export function periodsOf(texts: readonly string[]): Period[] {
  if (texts.length === 0) throw new UserError("invalid_period", "give at least one period (YYYY-MM)");
  return [...new Set(texts)].map((t) => {
    const p = parsePeriod(t);
    if (!p) throw new UserError("invalid_period", `"${t}" is not a period: use YYYY-MM`);
    return p;
  });
}

/** The fee a line pays on its current plan. */
export function currentFee(line: LineState): Micros {
  const fee = line.plan.monthlyFee;
  return fee.kind === "fixed" ? fee.amount : (line.record.monthlyFee ?? money.ZERO);
}

/** The periods among `periods` in which a line is billed (as closing a period decides it). */
export function activeIn(deps: DeskDeps, line: LineState, periods: readonly Period[]): Period[] {
  const activated = line.record.activatedAt ? Date.parse(line.record.activatedAt) : Number.NEGATIVE_INFINITY;
  return periods.filter((p) => activated < deps.engine.calendar.endOf(p) || hasUsage(line, p));
}

/** Whether the line used anything in the period (counters also exist for notices alone). */
export function hasUsage(line: LineState, period: string): boolean {
  const c = line.peek(period);
  return c !== undefined && c.measure("volume", undefined, ZONES) > 0;
}
