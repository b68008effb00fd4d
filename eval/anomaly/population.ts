/**
 * A seeded population: lines drawn from `PopulationParams`, each labelled with what was planted
 * on it. The same seed and line count always give the same lines, to the octet and the micro.
 */
import { addDays, daysInMonth, firstDayOf, type LineInput, lastDayOf, type MonthSeries, previousMonth, REASON_CODES } from "../../src/domain/anomaly/index.ts";
import type { Episode } from "./episodes.ts";
import { sampleHabits } from "./habits.ts";
import { HARD_NEGATIVE_KINDS, type Label, NORMAL } from "./labels.ts";
import { EU_TRIP_PLMNS, HOME_MCC } from "./networks.ts";
import type { PopulationParams } from "./params.ts";
import { type Draft, plantAnomaly, plantHardNegative } from "./plants.ts";
import { Rng } from "./prng.ts";
import { synthMonth, toDailyUsage } from "./synth.ts";
import type { SimPlan } from "./tariff.ts";

export interface Population {
  readonly lines: LineInput[];
  readonly labels: Map<string, Label>;
}

function assignLabels(rng: Rng, p: PopulationParams, count: number): Label[] {
  const labels: Label[] = [];
  for (const kind of REASON_CODES) {
    const n = Math.round(p.anomalyShare[kind] * count);
    for (let i = 0; i < n; i++) labels.push({ group: "anomaly", kind });
  }
  for (const kind of HARD_NEGATIVE_KINDS) {
    const n = Math.round(p.hardNegativeShare[kind] * count);
    for (let i = 0; i < n; i++) labels.push({ group: "hard_negative", kind });
  }
  while (labels.length < count) labels.push(NORMAL);
  return rng.shuffle(labels.slice(0, count));
}

function pickPlan(rng: Rng, plans: readonly SimPlan[]): SimPlan {
  let x = rng.next() * plans.reduce((s, pl) => s + pl.share, 0);
  for (const plan of plans) {
    x -= plan.share;
    if (x < 0) return plan;
  }
  return plans[plans.length - 1] as SimPlan;
}

function historyEpisodes(rng: Rng, p: PopulationParams): Episode[][] {
  const months: Episode[][] = Array.from({ length: p.historyMonths }, () => []);
  if (!rng.chance(p.historyTrips.probability)) return months;
  const length = rng.int(p.historyTrips.days[0], p.historyTrips.days[1]);
  const from = rng.int(1, 28 - length);
  const trip: Episode = {
    kind: "trip",
    from,
    to: from + length - 1,
    plmn: rng.pick(EU_TRIP_PLMNS),
    volumeFactor: rng.uniform(p.historyTrips.volumeFactor[0], p.historyTrips.volumeFactor[1]),
    spikes: [],
  };
  months[rng.int(0, p.historyMonths - 1)]?.push(trip);
  return months;
}

/** Draws a line's plan and habits, then plants its label on it. */
export function drawLine(rng: Rng, p: PopulationParams, label: Label): { plan: SimPlan; draft: Draft } {
  const plan = pickPlan(rng, p.plans);
  const base: Draft = {
    habits: sampleHabits(rng, p.usage, plan.volumeFactor),
    planMedianOctets: p.usage.medianDailyOctets * plan.volumeFactor,
    activationOffset: -(p.historyMonths * 31 + rng.int(30, 900)),
    current: [],
    history: historyEpisodes(rng, p),
  };
  const monthDays = daysInMonth(p.period);
  switch (label.group) {
    case "normal":
      return { plan, draft: base };
    case "anomaly":
      return { plan, draft: plantAnomaly(label.kind, rng, base, p, monthDays) };
    case "hard_negative":
      return { plan, draft: plantHardNegative(label.kind, rng, base, p, monthDays) };
  }
}

function historyMonths(p: PopulationParams): string[] {
  const months: string[] = [];
  let m = p.period;
  for (let i = 0; i < p.historyMonths; i++) {
    m = previousMonth(m);
    months.unshift(m);
  }
  return months;
}

/** Synthesises the line's history and its whole watched period. */
export function synthLine(rng: Rng, p: PopulationParams, ids: { lineId: string; accountId: string }, plan: SimPlan, draft: Draft): LineInput {
  const activatedOn = addDays(firstDayOf(p.period), draft.activationOffset);
  const { habits } = draft;
  const history: MonthSeries[] = [];
  historyMonths(p).forEach((month, i) => {
    if (activatedOn > lastDayOf(month)) return;
    const raw = synthMonth(rng, habits, month, activatedOn, draft.history[i] ?? []);
    history.push({ month, days: toDailyUsage(raw, plan, habits.bitmap) });
  });
  const raw = synthMonth(rng, habits, p.period, activatedOn, draft.current);
  return {
    ...ids,
    planId: plan.id,
    homeMcc: HOME_MCC,
    activatedOn,
    period: p.period,
    days: toDailyUsage(raw, plan, habits.bitmap),
    history,
  };
}

export function generatePopulation(p: PopulationParams, seed: number, count: number): Population {
  const setup = new Rng(seed, 0);
  const labels = assignLabels(setup, p, count);
  const lines: LineInput[] = [];
  const byLine = new Map<string, Label>();
  let account = 0;
  labels.forEach((label, i) => {
    if (i === 0 || !setup.chance(p.sharedAccountShare)) account++;
    const ids = { lineId: `L${String(i + 1).padStart(5, "0")}`, accountId: `A${String(account).padStart(5, "0")}` };
    const rng = new Rng(seed, i + 1);
    const { plan, draft } = drawLine(rng, p, label);
    lines.push(synthLine(rng, p, ids, plan, draft));
    byLine.set(ids.lineId, label);
  });
  return { lines, labels: byLine };
}
