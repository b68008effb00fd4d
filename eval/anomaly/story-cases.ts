/**
 * The two 2009 invoices, rebuilt day by day so that their totals are exact:
 *
 * - Valenciennes: a laptop near the Belgian border, new on `pro-everywhere-95`, whose key attaches
 *   to 206-10 more and more as the month goes on: 4,582,861 KiB of Belgian roaming in October,
 *   45,828.61 EUR (the invoice: 95.00 + 45,828.61 = 45,923.61 EUR). Its French traffic stays
 *   inside the 1 GiB allowance, as the invoice had no domestic charge.
 * - The physician: new on `pro-everywhere-50`, 1 GiB + 795,810,000 KiB of domestic data in
 *   October, 159,162.00 EUR beyond the allowance (the invoice: 50.00 + 159,162.00 = 159,212.00).
 *
 * Both were first invoices: the lines have no history, as they did not then.
 */
import { type LineInput, type MonthId, monthDays } from "../../src/domain/anomaly/index.ts";
import { HOME_MCC, HOME_PLMN } from "./networks.ts";
import type { Rng } from "./prng.ts";
import { type RawDay, toDailyUsage } from "./synth.ts";
import type { SimPlan } from "./tariff.ts";

export const VALENCIENNES_ROAMING_KIB = 4_582_861;
export const PHYSICIAN_BEYOND_KIB = 795_810_000;
const ALLOWANCE_KIB = 1024 * 1024;

/** Splits `total` into integers proportional to `weights` (largest remainder), summing exactly. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i] = (parts[i] as number) + 1;
    left--;
  }
  return parts;
}

export function valenciennes(rng: Rng, period: MonthId, plan: SimPlan): LineInput {
  const days = monthDays(period);
  const share = days.map((_, i) => 0.7 + (0.29 * i) / Math.max(1, days.length - 1));
  const weights = days.map(({ weekday }, i) => (weekday >= 6 ? 0.6 : 1) * rng.lognormal(1, 0.3) * (share[i] as number));
  const belgian = apportion(VALENCIENNES_ROAMING_KIB, weights);
  const raw: RawDay[] = days.map(({ date, weekday }, i) => {
    const be = belgian[i] as number;
    const fr = Math.round((be * (1 - (share[i] as number))) / (share[i] as number));
    return {
      date,
      weekday,
      networks: [
        { plmn: "20610", octets: be * 1024 },
        { plmn: HOME_PLMN, octets: fr * 1024 },
      ],
      hours: rng.int(9, 15),
      firstHour: rng.int(6, 9),
    };
  });
  return story("L-VALENCIENNES", "A-VALENCIENNES", period, plan, raw);
}

export function physician(rng: Rng, period: MonthId, plan: SimPlan): LineInput {
  const days = monthDays(period);
  const kib = apportion(
    ALLOWANCE_KIB + PHYSICIAN_BEYOND_KIB,
    days.map(() => rng.lognormal(1, 0.25)),
  );
  const raw: RawDay[] = days.map(({ date, weekday }, i) => ({
    date,
    weekday,
    networks: [{ plmn: HOME_PLMN, octets: (kib[i] as number) * 1024 }],
    hours: rng.int(20, 24),
    firstHour: 0,
  }));
  return story("L-PHYSICIAN", "A-PHYSICIAN", period, plan, raw);
}

function story(lineId: string, accountId: string, period: MonthId, plan: SimPlan, raw: RawDay[]): LineInput {
  return {
    lineId,
    accountId,
    planId: plan.id,
    homeMcc: HOME_MCC,
    activatedOn: `${period}-01`,
    period,
    days: toDailyUsage(raw, plan, false),
    history: [],
  };
}
