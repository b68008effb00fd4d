/** Small immutable windows for the detectors' states, which must stay plain data. */
import type { NetworkOctets } from "./types.ts";
import { asOctets } from "./units.ts";

export function pushBounded<T>(items: readonly T[], item: T, size: number): readonly T[] {
  const next = [...items, item];
  return next.length > size ? next.slice(next.length - size) : next;
}

export function sumOf<T>(items: readonly T[], pick: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += pick(item);
  return total;
}

/** Adds per-network volumes; the lists are short (a handful of networks a day). */
export function mergeNetworks(into: readonly NetworkOctets[], add: readonly NetworkOctets[]): readonly NetworkOctets[] {
  if (add.length === 0) return into;
  const out = [...into];
  for (const net of add) {
    const i = out.findIndex((n) => n.plmn === net.plmn);
    const prev = out[i];
    if (prev === undefined) out.push(net);
    else out[i] = { plmn: net.plmn, octets: asOctets(prev.octets + net.octets) };
  }
  return out;
}

/** The network that carried most of a list, ties broken by id so output is stable. */
export function topNetwork(nets: readonly NetworkOctets[]): NetworkOctets | undefined {
  let best: NetworkOctets | undefined;
  for (const n of nets) {
    if (best === undefined || n.octets > best.octets || (n.octets === best.octets && n.plmn < best.plmn)) {
      best = n;
    }
  }
  return best;
}
