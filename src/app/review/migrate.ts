import { type LineComparison, type Micros, money, type Period, type Plan, previousPeriod } from "../../domain/index.ts";
import { type LineState, markPlanChange } from "../../engine/index.ts";
import type { OutboxRow, PlanChangeRow } from "../../store/index.ts";
import { UserError } from "../errors.ts";
import { type DeskDeps, nowIso } from "./deps.ts";
import { applyDue } from "./plan-changes.ts";
import { currentFee, hasUsage, periodsOf, type SegmentInput, selectSegment } from "./segment.ts";
import { planOf } from "./settle.ts";
import { runSimulation } from "./simulate.ts";

export interface MigrationInput extends SegmentInput {
  readonly to: string;
  /** The first period on the new plan: the change happens at the boundary before it. */
  readonly at: string;
  /** Periods whose re-rating gives each line its own before/after in the notice (default: the one before `at`). */
  readonly periods?: readonly string[] | undefined;
  readonly actor: string;
}

/**
 * Moves a segment to another plan at the next cycle boundary: one scheduled change per line,
 * effective from `at`, written with each line's notice (its own before/after) in one
 * transaction. The change is applied when the period before `at` is closed — at once if it
 * already is. Refused whole, nothing written, if any line is not ready.
 */
export async function migrate(deps: DeskDeps, input: MigrationInput) {
  const target = planOf(deps, input.to);
  if (input.from === input.to) throw new UserError("same_plan", `the segment is already on ${input.to}`);
  const [at] = periodsOf([input.at]) as [Period];
  const lines = selectSegment(deps, input).filter((l) => l.plan.id !== target.id);
  if (lines.length === 0) throw new UserError("empty_segment", `every line of the segment is already on ${target.id}`);
  const reference = input.periods ? periodsOf(input.periods) : [previousPeriod(at)];
  const figures = new Map<string, LineComparison>();
  for (const l of (await runSimulation(deps, lines, target, reference)).lines) figures.set(l.lineId, l);
  const changes = await deps.engine.exclusive(async () => {
    await refuseUnready(deps, lines, at);
    const now = nowIso(deps);
    const changes = lines.map((line): PlanChangeRow => {
      const oldFee = currentFee(line);
      return {
        lineId: line.record.lineId,
        effectivePeriod: at,
        fromPlan: line.plan.id,
        fromFee: line.record.monthlyFee,
        toPlan: target.id,
        // A plan that inherits its fee keeps the line's: "the same price".
        toFee: target.monthlyFee.kind === "inherit" ? oldFee : line.record.monthlyFee,
        scheduledAt: now,
        actor: input.actor,
        status: "scheduled",
        appliedAt: undefined,
      };
    });
    const notices = lines.map((line, i) => migrationNotice(line, target, changes[i] as PlanChangeRow, figures.get(line.record.lineId), reference, now));
    await deps.store.review.schedulePlanChanges(changes, notices);
    for (const c of changes) markPlanChange(deps.engine.lines, deps.catalog, c);
    deps.engine.events.emit("committed", { usage: [], outbox: notices, rejects: [] });
    return changes;
  });
  const applied = await applyDue(deps);
  return {
    to: target.id,
    effective_period: at,
    lines: changes.length,
    applied: applied > 0,
    applies_when: applied > 0 ? "now" : `when ${previousPeriod(at)} is closed`,
    notices: changes.length,
    reference_periods: reference,
    paying_more: [...figures.values()].filter((f) => f.delta > 0).length,
  };
}

async function refuseUnready(deps: DeskDeps, lines: readonly LineState[], at: Period): Promise<void> {
  if (deps.engine.isClosed(at)) throw new UserError("period_closed", `period ${at} is already invoiced: choose a later one`);
  const ids = new Set(lines.map((l) => l.record.lineId));
  const pending = (await deps.store.review.planChanges("scheduled"))
    .filter((c) => ids.has(c.lineId))
    .map((c) => `${c.lineId} → ${c.toPlan} from ${c.effectivePeriod}`);
  if (pending.length > 0) throw new UserError("plan_change_pending", `${pending.length} line(s) already have a scheduled plan change`, pending.slice(0, 10));
  const started = lines.filter((l) => l.periodList().some((p) => p >= at && hasUsage(l, p))).map((l) => l.record.lineId);
  if (started.length > 0) {
    throw new UserError(
      "period_started",
      `${started.length} line(s) already have usage in ${at} or later, rated on their old plan: choose a later period`,
      started.slice(0, 10),
    );
  }
}

function migrationNotice(
  line: LineState,
  target: Plan,
  change: PlanChangeRow,
  f: LineComparison | undefined,
  reference: readonly Period[],
  now: string,
): OutboxRow {
  const r = line.record;
  const fee = (plan: Plan, carried: Micros | undefined) => money.toCents(plan.monthlyFee.kind === "fixed" ? plan.monthlyFee.amount : (carried ?? money.ZERO));
  return {
    key: `${r.lineId}:${change.effectivePeriod}:migration:${target.id}`,
    lineId: r.lineId,
    accountId: r.accountId,
    period: change.effectivePeriod,
    kind: "plan_migration",
    urgent: false,
    payload: JSON.stringify({
      kind: "plan_migration",
      line_id: r.lineId,
      account_id: r.accountId,
      msisdn: r.msisdn,
      email: r.email ?? null,
      locale: r.locale,
      plan_id: line.plan.id,
      period: change.effectivePeriod,
      effective_period: change.effectivePeriod,
      // What the notice templates read (src/notify/templates/payload.ts)…
      from_plan_name: line.plan.name,
      to_plan_name: target.name,
      effective_date: `${change.effectivePeriod}-01`,
      monthly_fee: fee(target, change.toFee),
      // …and the line's own before/after, for the templates and the operator's records.
      plan_before: { id: line.plan.id, name: line.plan.name, monthly_fee: fee(line.plan, change.fromFee) },
      plan_after: { id: target.id, name: target.name, monthly_fee: fee(target, change.toFee) },
      reference_periods: reference,
      total_before: f ? money.toCents(f.oldTotal) : null,
      total_after: f ? money.toCents(f.newTotal) : null,
      delta: f ? money.toCents(f.delta) : null,
    }),
    createdAt: now,
  };
}
