import { type Allowance, capApplies, type EffectiveCap } from "../domain/index.ts";
import type { HourlyUsageRow } from "../store/index.ts";

/** A moment worth pointing at on a line's chart, in usage time (not the time it was imported). */
export interface SeriesMarker {
  kind: "cap_warning" | "cap_reached" | "cut_off" | "throttled" | "allowance_warning" | "allowance_used";
  /** The cap or allowance it is about. */
  ref: string;
  threshold: number;
  /** Start of the hour it happened in (RFC 3339, UTC). */
  at: string;
}

/**
 * Where the line crossed each notice threshold of its caps and allowances, replayed from its
 * hourly journal. The notices themselves carry the time they were written, which for an offline
 * file is the import, not the usage: the chart needs the latter. A blocking cap's cut-off is the
 * first hour with usage recorded as over that cap, which is what the customer experienced.
 */
export function seriesMarkers(hours: readonly HourlyUsageRow[], caps: readonly EffectiveCap[], allowances: readonly Allowance[]): SeriesMarker[] {
  const markers: SeriesMarker[] = [];
  for (const { cap, limit } of caps) {
    let used = 0;
    const pending = [...cap.notices].sort((a, b) => a - b);
    let cut = false;
    for (const h of hours) {
      if (!capApplies(cap, h.service, h.zone)) continue;
      used += cap.measure.kind === "spend" ? h.amount : h.quantity;
      const at = new Date(h.hourMs).toISOString();
      while (pending.length > 0 && used * 100 >= limit * (pending[0] as number)) {
        const threshold = pending.shift() as number;
        markers.push({ kind: threshold >= 100 ? "cap_reached" : "cap_warning", ref: cap.id, threshold, at });
      }
      if (!cut && cap.action === "block" && h.overCapId === cap.id && h.overUnits > 0) {
        cut = true;
        markers.push({ kind: "cut_off", ref: cap.id, threshold: 100, at });
      }
      if (!cut && cap.action === "throttle" && h.throttledQuantity > 0) {
        cut = true;
        markers.push({ kind: "throttled", ref: cap.id, threshold: 100, at });
      }
    }
  }
  for (const a of allowances) {
    let used = 0;
    const pending = [...a.notices].sort((x, y) => x - y);
    for (const h of hours) {
      if (h.service !== a.service || !a.zones.includes(h.zone)) continue;
      used += h.quantity;
      while (pending.length > 0 && used * 100 >= a.amount * (pending[0] as number)) {
        const threshold = pending.shift() as number;
        markers.push({ kind: threshold >= 100 ? "allowance_used" : "allowance_warning", ref: a.id, threshold, at: new Date(h.hourMs).toISOString() });
      }
    }
  }
  return markers.sort((x, y) => x.at.localeCompare(y.at) || x.threshold - y.threshold);
}
