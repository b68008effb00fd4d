/**
 * Turns habits and episodes into the daily series the detectors read: volumes per network and
 * zone, spend from the simulation's tariff, and activity as a count or an hourly bitmap.
 */
import {
  type DailyUsage,
  type IsoDate,
  type Micros,
  type MonthId,
  monthDays,
  type NetworkOctets,
  type Octets,
  type Weekday,
  type Zone,
} from "../../src/domain/anomaly/index.ts";
import { type Episode, isActive } from "./episodes.ts";
import type { Habits } from "./habits.ts";
import { HOME_PLMN, NATIONAL_PLMNS, zoneOf } from "./networks.ts";
import type { Rng } from "./prng.ts";
import { rateMonth, type SimPlan } from "./tariff.ts";

export interface RawDay {
  readonly date: IsoDate;
  readonly weekday: Weekday;
  readonly networks: readonly { readonly plmn: string; readonly octets: number }[];
  readonly hours: number;
  readonly firstHour: number;
}

interface Share {
  readonly plmn: string;
  readonly share: number;
}

function habitualSplit(h: Habits): Share[] {
  const out: Share[] = [];
  const border = h.border?.share ?? 0;
  out.push({ plmn: HOME_PLMN, share: 1 - h.nationalShare - border });
  if (h.nationalShare > 0) out.push({ plmn: NATIONAL_PLMNS[0], share: h.nationalShare });
  if (h.border !== undefined) out.push({ plmn: h.border.plmn, share: border });
  return out;
}

/** Puts `share` of the day on `plmn`, scaling the rest down. */
const divert = (split: readonly Share[], plmn: string, share: number): Share[] => [
  { plmn, share },
  ...split.map((s) => ({ plmn: s.plmn, share: s.share * (1 - share) })),
];

function synthDay(rng: Rng, h: Habits, day: number, weekday: Weekday, episodes: readonly Episode[]) {
  const active = episodes.filter((e) => isActive(e, day));
  const forced = active.some((e) => e.kind !== "border_drift");
  const idle = !h.alwaysOn && !forced && rng.chance(h.idleProbability);
  const factor = h.weekdayFactors[weekday - 1] ?? 1;
  let volume = idle ? 0 : h.dailyOctets * factor * rng.lognormal(1, h.noiseSigma);
  const usualHours = Math.round(h.meanHours + h.hoursSd * rng.normal());
  let hours = idle ? 0 : h.alwaysOn ? rng.int(22, 24) : Math.min(24, Math.max(1, usualHours));
  let split = habitualSplit(h);
  for (const e of active) {
    switch (e.kind) {
      case "surge":
        volume *= e.factor;
        break;
      case "always_on":
        volume *= e.volumeFactor;
        hours = rng.int(23, 24);
        break;
      case "trip": {
        const spike = e.spikes.find((s) => s.day === day)?.factor ?? 1;
        volume *= e.volumeFactor * spike;
        const edge = e.to - e.from >= 2 && (day === e.from || day === e.to);
        split = divert(split, e.plmn, edge ? 0.5 : 1);
        break;
      }
      case "border_drift": {
        const progress = Math.min(1, (day - e.from) / Math.max(1, e.rampDays));
        split = divert(split, e.plmn, e.startShare + (e.endShare - e.startShare) * progress);
        break;
      }
    }
  }
  const networks = split.map((s) => ({ plmn: s.plmn, octets: Math.round(volume * s.share) })).filter((n) => n.octets > 0);
  return { networks, hours, firstHour: rng.int(0, 23) };
}

/** The days of `month` from activation on, with habits and episodes applied. */
export function synthMonth(rng: Rng, h: Habits, month: MonthId, activatedOn: IsoDate, episodes: readonly Episode[]): RawDay[] {
  const out: RawDay[] = [];
  monthDays(month).forEach(({ date, weekday }, i) => {
    if (date < activatedOn) return;
    out.push({ date, weekday, ...synthDay(rng, h, i + 1, weekday, episodes) });
  });
  return out;
}

function bitmapOf(hours: number, firstHour: number): number {
  let mask = 0;
  for (let i = 0; i < hours; i++) mask |= 1 << ((firstHour + i) % 24);
  return mask >>> 0;
}

/** The domain's daily series for raw days, with spend rated on `plan`. */
export function toDailyUsage(raw: readonly RawDay[], plan: SimPlan, bitmap: boolean): DailyUsage[] {
  const zones = raw.map((d) => {
    const z: Record<Zone, number> = { home: 0, national: 0, eu: 0, world: 0 };
    for (const n of d.networks) z[zoneOf(n.plmn)] += n.octets;
    return z;
  });
  const spend = rateMonth(plan, zones);
  return raw.map((d, i) => {
    const z = zones[i] as Record<Zone, number>;
    return {
      date: d.date,
      weekday: d.weekday,
      octets: (z.home + z.national + z.eu + z.world) as Octets,
      byNetwork: d.networks.map((n): NetworkOctets => ({ plmn: n.plmn, octets: n.octets as Octets })),
      byZone: { home: z.home as Octets, national: z.national as Octets, eu: z.eu as Octets, world: z.world as Octets },
      spend: spend[i] as Micros,
      activity: bitmap ? { kind: "bitmap", mask: bitmapOf(d.hours, d.firstHour) } : { kind: "hours", count: d.hours },
    };
  });
}
