/**
 * A burst: one day, or a few consecutive days, far above what the line usually carries. Shared
 * by `volume_multiple` (domestic traffic) and `roaming_spike` (roaming traffic, measured against
 * the line's usual traffic anywhere: a traveller uses about what they use at home).
 */
import { zOfSum } from "../baseline.ts";
import { type IsoDate, knownDayNumber } from "../calendar.ts";
import type { LineContext } from "../context.ts";
import type { DayView } from "../day.ts";
import { expectedVolume } from "../profile.ts";
import type { NetworkOctets } from "../types.ts";
import { addMicros, type Micros, NO_MICROS } from "../units.ts";
import { mergeNetworks, pushBounded, sumOf } from "../window.ts";

export interface BurstOptions {
  readonly windowDays: number;
  readonly windowMultiple: number;
  readonly dayMultiple: number;
  readonly minZ: number;
  readonly minExcessOctets: number;
}

export interface BurstEntry {
  readonly date: IsoDate;
  readonly actual: number;
  readonly expected: number;
  readonly spread: number;
  readonly spend: Micros;
  readonly networks: readonly NetworkOctets[];
}

/** The burst once detected, accumulated over its elevated days. */
export interface Burst {
  readonly since: IsoDate;
  readonly lastDay: IsoDate;
  readonly days: number;
  readonly actual: number;
  readonly expected: number;
  /** All spend since `since`, elevated day or not: what the customer will be billed. */
  readonly spend: Micros;
  readonly networks: readonly NetworkOctets[];
}

export interface BurstState {
  readonly window: readonly BurstEntry[];
  readonly burst: Burst | undefined;
}

export const NO_BURST: BurstState = { window: [], burst: undefined };

/** A day counts towards a burst when it carries at least twice its usual volume. */
const isElevated = (e: BurstEntry): boolean => e.actual > 0 && e.actual >= 2 * e.expected;

function triggered(w: readonly BurstEntry[], o: BurstOptions): boolean {
  const last = w[w.length - 1];
  if (last === undefined) return false;
  const dayExcess = last.actual - last.expected;
  if (last.actual >= o.dayMultiple * last.expected && dayExcess >= o.minExcessOctets && dayExcess / last.spread >= o.minZ) {
    return true;
  }
  if (w.length < o.windowDays) return false;
  const actual = sumOf(w, (e) => e.actual);
  const expected = sumOf(w, (e) => e.expected);
  return (
    actual >= o.windowMultiple * expected &&
    actual - expected >= o.minExcessOctets &&
    zOfSum(
      actual,
      expected,
      w.map((e) => e.spread),
    ) >= o.minZ
  );
}

/**
 * Elevated days join the burst while it is still going (no longer gap than the window): a noisy
 * day three weeks later is not the same episode, and would stretch "from … to …" into nonsense.
 */
function absorb(b: Burst, e: BurstEntry, windowDays: number): Burst {
  const spend = addMicros(b.spend, e.spend);
  const going = knownDayNumber(e.date) - knownDayNumber(b.lastDay) <= windowDays;
  if (!isElevated(e) || !going) return { ...b, spend };
  return {
    since: b.since,
    lastDay: e.date,
    days: b.days + 1,
    actual: b.actual + e.actual,
    expected: b.expected + e.expected,
    spend,
    networks: mergeNetworks(b.networks, e.networks),
  };
}

function open(entries: readonly BurstEntry[], windowDays: number): Burst | undefined {
  const start = entries.findIndex(isElevated);
  const first = entries[start];
  if (first === undefined) return undefined;
  const empty: Burst = {
    since: first.date,
    lastDay: first.date,
    days: 0,
    actual: 0,
    expected: 0,
    spend: NO_MICROS,
    networks: [],
  };
  return entries.slice(start).reduce((b, e) => absorb(b, e, windowDays), empty);
}

export function stepBurst(s: BurstState, entry: BurstEntry, o: BurstOptions): BurstState {
  const window = pushBounded(s.window, entry, o.windowDays);
  if (s.burst !== undefined) return { window, burst: absorb(s.burst, entry, o.windowDays) };
  return { window, burst: triggered(window, o) ? open(window, o.windowDays) : undefined };
}

/** A burst detector judges a line against its own past: without a profile it stays silent. */
export function initProfiledBurst(ctx: LineContext): BurstState | undefined {
  return ctx.profile === undefined ? undefined : NO_BURST;
}

/** One day of `actual` octets against what the line usually moves on that weekday. */
export function stepProfiledBurst(
  ctx: LineContext,
  s: BurstState,
  day: DayView,
  actual: number,
  networks: readonly NetworkOctets[],
  o: BurstOptions,
): BurstState {
  if (ctx.profile === undefined) return s;
  const e = expectedVolume(ctx.profile, day.weekday, ctx.options);
  return stepBurst(s, { date: day.date, actual, expected: e.median, spread: e.spread, spend: day.spend, networks }, o);
}
