/**
 * `spend_velocity`: money accruing on the line much faster than it ever has. It catches what the
 * volume detectors cannot: usual volumes at a ruinous price (a week in Morocco at world-zone
 * rates: the 2025 invoice of 37,737 EUR), or an allowance crossed early. The window must beat
 * the line's own past windows too, so a heavy user who pays overage every month is not news.
 */
import { zOfSum } from "../baseline.ts";
import type { IsoDate } from "../calendar.ts";
import type { LineContext } from "../context.ts";
import type { DayView } from "../day.ts";
import { decimalEur, formatMoney, punct } from "../format.ts";
import { expectedSpend } from "../profile.ts";
import type { Locale, Reason } from "../reasons.ts";
import { reasonScore } from "../severity.ts";
import { addMicros, asMicros, type Micros, microsFromStatistic } from "../units.ts";
import { pushBounded, sumOf } from "../window.ts";
import { sinceDay, stop } from "./phrases.ts";

interface Entry {
  readonly date: IsoDate;
  readonly spend: Micros;
  readonly expected: number;
  readonly spread: number;
}

interface Surge {
  readonly since: IsoDate;
  readonly spend: Micros;
  readonly peakWindow: Micros;
  /** What a window usually costs: the larger of the expected sum and the past 95th percentile. */
  readonly usualWindow: Micros;
  readonly threshold: number;
}

export interface SpendVelocityState {
  readonly window: readonly Entry[];
  readonly surge: Surge | undefined;
}

/** Applies to new lines too: with no past, the usual spend is taken as nil. */
export function initSpendVelocity(_ctx: LineContext): SpendVelocityState {
  return { window: [], surge: undefined };
}

function detect(window: readonly Entry[], ctx: LineContext, p95: number): Surge | undefined {
  const o = ctx.options.spendVelocity;
  // A part-filled window (start of period) may still fire: a sum of spend only grows with days.
  const spend = sumOf(window, (e) => e.spend);
  const expected = sumOf(window, (e) => e.expected);
  const threshold = Math.max(o.minWindowSpend, o.multiple * expected, o.historyMultiple * p95);
  if (
    spend < threshold ||
    zOfSum(
      spend,
      expected,
      window.map((e) => e.spread),
    ) < o.minZ
  ) {
    return undefined;
  }
  const start = window.find((e) => e.spend > e.expected + e.spread) ?? window[0];
  if (start === undefined) return undefined;
  return {
    since: start.date,
    spend: asMicros(
      sumOf(
        window.filter((e) => e.date >= start.date),
        (e) => e.spend,
      ),
    ),
    peakWindow: asMicros(spend),
    usualWindow: microsFromStatistic(Math.max(expected, p95)),
    threshold,
  };
}

export function stepSpendVelocity(ctx: LineContext, s: SpendVelocityState, day: DayView): SpendVelocityState {
  const p = ctx.profile;
  const e = p === undefined ? { median: 0, spread: ctx.options.baseline.minSpendSpread } : expectedSpend(p, day.weekday, ctx.options);
  const entry: Entry = { date: day.date, spend: day.spend, expected: e.median, spread: e.spread };
  const window = pushBounded(s.window, entry, ctx.options.spendVelocity.windowDays);
  const surge = s.surge;
  if (surge === undefined) return { window, surge: detect(window, ctx, p?.spendWindowP95 ?? 0) };
  const current = sumOf(window, (w) => w.spend);
  return {
    window,
    surge: {
      ...surge,
      spend: addMicros(surge.spend, day.spend),
      peakWindow: asMicros(Math.max(surge.peakWindow, current)),
    },
  };
}

export function spendVelocityReason(ctx: LineContext, s: SpendVelocityState, locale: Locale): Reason | undefined {
  const v = s.surge;
  if (v === undefined) return undefined;
  const days = ctx.options.spendVelocity.windowDays;
  const score = reasonScore(v.peakWindow / v.threshold, v.spend);
  const since = sinceDay(v.since, locale);
  const peak = formatMoney(v.peakWindow, locale);
  const usual = formatMoney(v.usualWindow, locale);
  const total = formatMoney(v.spend, locale);
  const isNew = ctx.profile === undefined;
  const versus =
    locale === "en"
      ? isNew
        ? "on a line with no history yet"
        : `against ${usual} usually`
      : isNew
        ? "sur une ligne encore sans historique"
        : `contre ${usual} habituellement`;
  const message =
    locale === "en"
      ? `Spend accelerating ${since}: up to ${peak} billed in ${days} days, ${versus}; ${total} billed ${stop(since)} Contact the customer now, before the invoice; consider a spend cap or holding the invoice for review.`
      : `Dépenses en forte hausse ${since}${punct(":", locale)} jusqu'à ${peak} facturés en ${days} jours, ${versus}${punct(";", locale)} ${total} facturés ${stop(since)} Contacter le client dès maintenant, avant la facture${punct(";", locale)} envisager un plafond de dépense ou la mise en attente de la facture.`;
  return {
    code: "spend_velocity",
    score,
    since: v.since,
    message,
    evidence: {
      since: v.since,
      score,
      spend_since_eur: decimalEur(v.spend),
      window_days: days,
      peak_window_spend_eur: decimalEur(v.peakWindow),
      usual_window_spend_eur: decimalEur(v.usualWindow),
    },
  };
}
