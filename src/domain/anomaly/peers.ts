/**
 * Peer groups: lines of the same plan. A new line has no past of its own, so "unusual" can only
 * mean "unusual for this plan": a percentile of what its peers use in a whole month.
 */
import { firstDayOf } from "./calendar.ts";
import { percentile } from "./stats.ts";
import type { LineInput } from "./types.ts";
import { asMicros, asOctets, type Micros, type Octets } from "./units.ts";

export interface Percentiles<T extends number> {
  readonly p50: T;
  readonly p90: T;
  readonly p95: T;
  readonly p99: T;
}

export interface PeerStats {
  readonly planId: string;
  /** Line-months behind the percentiles. */
  readonly samples: number;
  readonly octets: Percentiles<Octets>;
  readonly spend: Percentiles<Micros>;
}

/** One complete month of one line. */
export interface PeerSample {
  readonly planId: string;
  readonly octets: Octets;
  readonly spend: Micros;
}

function percentilesOf(values: readonly number[]): Percentiles<number> | undefined {
  const p50 = percentile(values, 50);
  const p90 = percentile(values, 90);
  const p95 = percentile(values, 95);
  const p99 = percentile(values, 99);
  if (p50 === undefined || p90 === undefined || p95 === undefined || p99 === undefined) {
    return undefined;
  }
  return { p50, p90, p95, p99 };
}

export function peerStatsFromSamples(samples: readonly PeerSample[]): readonly PeerStats[] {
  const byPlan = new Map<string, PeerSample[]>();
  for (const s of samples) {
    const list = byPlan.get(s.planId);
    if (list === undefined) byPlan.set(s.planId, [s]);
    else list.push(s);
  }
  const out: PeerStats[] = [];
  for (const [planId, list] of [...byPlan].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const octets = percentilesOf(list.map((s) => s.octets));
    const spend = percentilesOf(list.map((s) => s.spend));
    if (octets === undefined || spend === undefined) continue;
    out.push({
      planId,
      samples: list.length,
      // Nearest-rank percentiles are observed values: whole octets, whole micro-euros.
      octets: {
        p50: asOctets(octets.p50),
        p90: asOctets(octets.p90),
        p95: asOctets(octets.p95),
        p99: asOctets(octets.p99),
      },
      spend: {
        p50: asMicros(spend.p50),
        p90: asMicros(spend.p90),
        p95: asMicros(spend.p95),
        p99: asMicros(spend.p99),
      },
    });
  }
  return out;
}

/**
 * The complete months in validated lines' histories. A month the line joined part-way through
 * would drag the percentiles down and make every new line look heavy.
 */
export function peerSamples(lines: readonly LineInput[]): PeerSample[] {
  const out: PeerSample[] = [];
  for (const line of lines) {
    for (const month of line.history) {
      if (line.activatedOn > firstDayOf(month.month)) continue;
      let octets = 0;
      let spend = 0;
      for (const d of month.days) {
        octets += d.octets;
        spend += d.spend;
      }
      out.push({ planId: line.planId, octets: asOctets(octets), spend: asMicros(spend) });
    }
  }
  return out;
}

export function computePeerStats(lines: readonly LineInput[]): readonly PeerStats[] {
  return peerStatsFromSamples(peerSamples(lines));
}
