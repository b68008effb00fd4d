import { effectiveCaps, feeUnder, money, type Period, type Plan, type SegmentLine, type Simulation, simulateMigration } from "../../domain/index.ts";
import type { LineState } from "../../engine/index.ts";
import { UserError } from "../errors.ts";
import { type DeskDeps, must } from "./deps.ts";
import { activeIn, currentFee, periodsOf, type SegmentInput, selectSegment } from "./segment.ts";
import { journaled, planOf } from "./settle.ts";

export interface SimulationInput extends SegmentInput {
  readonly to: string;
  readonly periods: readonly string[];
}

/** The segment's lines with their fees and terms under the target plan. */
export function segmentLines(deps: DeskDeps, lines: readonly LineState[], target: Plan, periods: readonly Period[]): SegmentLine[] {
  return lines.map((line) => {
    const r = line.record;
    const oldFee = currentFee(line);
    return {
      lineId: r.lineId,
      accountId: r.accountId,
      planId: line.plan.id,
      oldFee,
      newFee: feeUnder(target, r.monthlyFee, oldFee),
      periods: activeIn(deps, line, periods),
      target: { plan: target, caps: effectiveCaps(target, { roamingCap: r.roamingCap, roamingOptOut: r.roamingOptOut }), accountId: r.accountId },
    };
  });
}

/** Re-rates the segment's recorded usage under the target plan. Reads only: nothing is written. */
export async function runSimulation(deps: DeskDeps, lines: readonly LineState[], target: Plan, periods: readonly Period[]): Promise<Simulation> {
  const segment = segmentLines(deps, lines, target, periods);
  const usage = await journaled(deps, periods, new Set(segment.map((s) => s.lineId)));
  return must(simulateMigration(segment, usage, periods));
}

export async function simulate(deps: DeskDeps, input: SimulationInput) {
  const target = planOf(deps, input.to);
  if (input.from === input.to) throw new UserError("same_plan", `the segment is already on ${input.to}`);
  const periods = periodsOf(input.periods);
  const lines = selectSegment(deps, input);
  const sim = await runSimulation(deps, lines, target, periods);
  return simulationView(input.from ?? null, target.id, periods, sim);
}

export function simulationView(from: string | null, to: string, periods: readonly Period[], sim: Simulation) {
  const c = money.toCents;
  const lines = sim.lines.map((l) => ({
    line_id: l.lineId,
    account_id: l.accountId,
    plan_id: l.planId,
    old_total_excl_tax: c(l.oldTotal),
    new_total_excl_tax: c(l.newTotal),
    delta: c(l.delta),
    pays_more: l.delta > 0,
  }));
  const t = sim.totals;
  return {
    from,
    to,
    periods,
    lines,
    totals: {
      lines: t.lines,
      old_total_excl_tax: c(t.oldTotal),
      new_total_excl_tax: c(t.newTotal),
      delta: c(t.delta),
      paying_more: t.payingMore,
      paying_less: t.payingLess,
      unchanged: t.unchanged,
    },
    who_pays_more: [...sim.lines]
      .filter((l) => l.delta > 0)
      .sort((a, b) => b.delta - a.delta || (a.lineId < b.lineId ? -1 : 1))
      .map((l) => ({ line_id: l.lineId, account_id: l.accountId, delta: c(l.delta) })),
  };
}

export type SimulationView = ReturnType<typeof simulationView>;

/** The per-line table as RFC 4180 CSV (ids are the operator's own: quoted when they need it). */
export function simulationCsv(view: SimulationView): string {
  const q = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const rows = [["line_id", "account_id", "plan_id", "old_total_excl_tax", "new_total_excl_tax", "delta", "pays_more"].join(",")];
  for (const l of view.lines) {
    rows.push([q(l.line_id), q(l.account_id), q(l.plan_id), l.old_total_excl_tax, l.new_total_excl_tax, l.delta, String(l.pays_more)].join(","));
  }
  return `${rows.join("\r\n")}\r\n`;
}
