import { type Catalog, type NetworkDirectory, PARTITIONS, slotOf } from "../domain/index.ts";
import type { PartitionFilter, Store } from "../store/index.ts";
import { LineDirectory } from "./directory.ts";
import { ChargingEngine, type EngineOptions } from "./engine.ts";
import { restorePlanChanges } from "./plan-change.ts";
import type { Clock } from "./types.ts";

/**
 * Builds an engine from what the store holds: lines, then counters rebuilt from the journal,
 * notices already raised (so none fires twice after a restart) and consents.
 */
export async function openEngine(
  store: Store,
  catalog: Catalog,
  networks: NetworkDirectory,
  clock: Clock,
  options: EngineOptions = {},
): Promise<ChargingEngine> {
  const lines = new LineDirectory(catalog);
  // A partitioned engine reads only its partitions' state: its start and a takeover cost its
  // share of the store, not the whole (decision 21).
  const only = partitionFilter(options.partitions);
  for (const record of await store.loadLines(only)) lines.put(record);
  for (const c of await store.loadCounters(only)) {
    const line = lines.get(c.lineId);
    if (!line) continue;
    const slot = slotOf(c.service, c.zone);
    line.counters(c.period).addSlot(slot, c.quantity, c.amount);
    lines.accountCounters(line, c.period)?.addSlot(slot, c.quantity, c.amount);
  }
  for (const a of await store.loadAllowances(only)) {
    const counters = lines.get(a.lineId)?.counters(a.period);
    if (!counters) continue;
    counters.addAllowance(a.allowanceId, a.used);
  }
  for (const m of await store.loadNoticeMarks(only)) lines.get(m.lineId)?.counters(m.period).markNotified(m.noticeKey);
  for (const c of await store.loadConsents(only)) {
    const counters = lines.get(c.lineId)?.counters(c.period);
    if (!counters) continue;
    counters.consented ??= new Set();
    counters.consented.add(c.capId);
  }
  const closed = new Set(await store.closedPeriods());
  await restorePlanChanges(store, catalog, lines, (p) => closed.has(p), new Date(clock.now()).toISOString(), only);
  return new ChargingEngine(store, catalog, networks, lines, closed, clock, options);
}

/** What an engine owning `partitions` loads: no filter when it owns them all, the cheapest query. */
export function partitionFilter(partitions: ReadonlySet<number> | undefined): PartitionFilter | undefined {
  if (!partitions || partitions.size >= PARTITIONS) return undefined;
  return [...partitions].sort((a, b) => a - b);
}
