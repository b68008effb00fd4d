import { type Catalog, effectiveCaps, type Period, previousPeriod } from "../domain/index.ts";
import type { LineRecord, PartitionFilter, PlanChangeRow, Store } from "../store/index.ts";
import type { LineDirectory } from "./directory.ts";

/**
 * Sets a line's plan boundary from a plan change, scheduled or applied: from then on, usage of
 * the effective period and later is rated on the new plan even before the change is applied,
 * and late usage of earlier periods stays on the old one after. False when the line or a plan
 * is unknown (a catalog without them).
 */
export function markPlanChange(lines: LineDirectory, catalog: Catalog, change: PlanChangeRow): boolean {
  const line = lines.get(change.lineId);
  const before = catalog.plans.get(change.fromPlan);
  const after = catalog.plans.get(change.toPlan);
  if (!line || !before || !after) return false;
  const choices = { roamingCap: line.record.roamingCap, roamingOptOut: line.record.roamingOptOut };
  line.boundary = {
    from: change.effectivePeriod,
    before: { plan: before, caps: effectiveCaps(before, choices), monthlyFee: change.fromFee },
    after: { plan: after, caps: effectiveCaps(after, choices), monthlyFee: change.toFee },
  };
  return true;
}

/** A change is due once the period before it is closed: the cycle boundary has passed. */
export function isDue(change: PlanChangeRow, isClosed: (p: Period) => boolean): boolean {
  return change.status === "scheduled" && isClosed(previousPeriod(change.effectivePeriod));
}

/** The line's record once on its new plan (the store is written first, then `LineDirectory.put`). */
export function recordAfter(record: LineRecord, change: PlanChangeRow): LineRecord {
  return { ...record, planId: change.toPlan, monthlyFee: change.toFee ?? record.monthlyFee };
}

/**
 * Applies every scheduled change whose boundary has passed: the store first, in one
 * transaction, then `LineDirectory.put`, which keeps the line's counters. The caller runs it
 * alone in the engine (`exclusive`), as closing a period does right after the close.
 */
export async function applyDuePlanChanges(
  store: Store,
  catalog: Catalog,
  lines: LineDirectory,
  isClosed: (p: Period) => boolean,
  at: string,
  partitions?: PartitionFilter,
): Promise<number> {
  const applied: PlanChangeRow[] = [];
  const records: LineRecord[] = [];
  for (const change of await store.review.planChanges("scheduled", partitions)) {
    const line = lines.get(change.lineId);
    if (!line || !isDue(change, isClosed) || !catalog.plans.has(change.toPlan)) continue;
    applied.push(change);
    records.push(recordAfter(line.record, change));
  }
  if (applied.length === 0) return 0;
  await store.review.applyPlanChanges(applied, records, at);
  for (const r of records) lines.put(r);
  return applied.length;
}

/**
 * On open: gives each line with a plan change its boundary (its latest change), so that usage
 * on either side is rated on the right plan, then applies what became due while down.
 */
export async function restorePlanChanges(
  store: Store,
  catalog: Catalog,
  lines: LineDirectory,
  isClosed: (p: Period) => boolean,
  at: string,
  partitions?: PartitionFilter,
): Promise<void> {
  // A partitioned engine reads its partitions' changes only: a plan migration may schedule one per line.
  const all = await store.review.planChanges(undefined, partitions);
  if (all.length === 0) return;
  const latest = new Map<string, PlanChangeRow>();
  for (const c of all) {
    const seen = latest.get(c.lineId);
    if (!seen || c.effectivePeriod > seen.effectivePeriod) latest.set(c.lineId, c);
  }
  for (const c of latest.values()) markPlanChange(lines, catalog, c);
  await applyDuePlanChanges(store, catalog, lines, isClosed, at, partitions);
}
