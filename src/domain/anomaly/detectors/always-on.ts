/**
 * `always_on`: traffic in (nearly) every hour of the day, several days running, on a line whose
 * habit is not that. It is the signature of a connection left open (a 3G key in a laptop that
 * never sleeps, a tethered phone, a tracker): volume may stay modest, but it never stops. A line
 * that is always on by habit (a router, an alarm) is recognised from its history and left alone.
 */
import type { IsoDate } from "../calendar.ts";
import type { LineContext } from "../context.ts";
import type { DayView } from "../day.ts";
import { decimalEur, formatMoney, formatNumber, formatOctets, punct } from "../format.ts";
import type { Locale, Reason } from "../reasons.ts";
import { reasonScore, round1 } from "../severity.ts";
import { addMicros, type Micros, NO_MICROS } from "../units.ts";
import { sinceDay } from "./phrases.ts";

interface Run {
  readonly start: IsoDate;
  readonly days: number;
  readonly hours: number;
  readonly octets: number;
  readonly spend: Micros;
}

interface Episode {
  readonly since: IsoDate;
  /** The longest run of round-the-clock days since `since`. */
  readonly runDays: number;
  readonly runHours: number;
  readonly octets: number;
  readonly spend: Micros;
}

export interface AlwaysOnState {
  readonly run: Run | undefined;
  readonly episode: Episode | undefined;
}

export function initAlwaysOn(ctx: LineContext): AlwaysOnState | undefined {
  const p = ctx.profile;
  if (p === undefined || p.alwaysOnShare > ctx.options.alwaysOn.maxUsualShare) return undefined;
  return { run: undefined, episode: undefined };
}

function extend(run: Run | undefined, day: DayView, minHours: number): Run | undefined {
  if (day.activeHours < minHours) return undefined;
  const from = run ?? { start: day.date, days: 0, hours: 0, octets: 0, spend: NO_MICROS };
  return {
    start: from.start,
    days: from.days + 1,
    hours: from.hours + day.activeHours,
    octets: from.octets + day.octets,
    spend: addMicros(from.spend, day.spend),
  };
}

export function stepAlwaysOn(ctx: LineContext, s: AlwaysOnState, day: DayView): AlwaysOnState {
  const p = ctx.profile;
  if (p === undefined) return s;
  const o = ctx.options.alwaysOn;
  const run = extend(s.run, day, o.minActiveHours);
  const e = s.episode;
  if (e !== undefined) {
    const longer = run !== undefined && run.days > e.runDays;
    return {
      run,
      episode: {
        since: e.since,
        runDays: longer ? run.days : e.runDays,
        runHours: longer ? run.hours : e.runHours,
        octets: e.octets + day.octets,
        spend: addMicros(e.spend, day.spend),
      },
    };
  }
  const fires = run !== undefined && run.days >= o.minRunDays && run.hours / run.days >= p.activeHours.median + o.minRiseHours;
  if (!fires) return { run, episode: undefined };
  return {
    run,
    episode: { since: run.start, runDays: run.days, runHours: run.hours, octets: run.octets, spend: run.spend },
  };
}

export function alwaysOnReason(ctx: LineContext, s: AlwaysOnState, locale: Locale): Reason | undefined {
  const e = s.episode;
  if (e === undefined || ctx.profile === undefined) return undefined;
  const usual = ctx.profile.activeHours.median;
  const mean = e.runHours / e.runDays;
  const score = reasonScore(e.runDays / ctx.options.alwaysOn.minRunDays, e.spend);
  const since = sinceDay(e.since, locale);
  const money = formatMoney(e.spend, locale);
  const vol = formatOctets(e.octets, locale);
  const h = formatNumber(mean, 0, locale);
  const u = formatNumber(usual, 0, locale);
  const message =
    locale === "en"
      ? `Connected round the clock ${since}: ${e.runDays} days in a row active ${h} hours a day, usually ${u} h; ${vol} and ${money} billed since then. A device or key has probably been left connected: tell the customer, suggest disconnecting it or setting a cap.`
      : `Connectée jour et nuit ${since}${punct(":", locale)} ${e.runDays} jours d'affilée actifs ${h} h par jour, habituellement ${u} h${punct(";", locale)} ${vol} et ${money} facturés depuis. Un appareil ou une clé est sans doute resté connecté${punct(":", locale)} prévenir le client, lui proposer de le déconnecter ou de fixer un plafond.`;
  return {
    code: "always_on",
    score,
    since: e.since,
    message,
    evidence: {
      since: e.since,
      score,
      spend_since_eur: decimalEur(e.spend),
      run_days: e.runDays,
      mean_active_hours: round1(mean),
      usual_active_hours: round1(usual),
      octets_since: e.octets,
    },
  };
}
