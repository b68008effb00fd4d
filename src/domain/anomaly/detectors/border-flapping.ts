/**
 * `border_flapping`: a neighbouring country's network carrying a growing share of the line's
 * traffic on days that also use the home networks. The device has not travelled: it sits near
 * the border and attaches abroad whenever the home signal weakens, as the Valenciennes laptop did
 * on 206-10 in 2009, each byte billed as roaming. A border resident's usual small share is
 * measured from history and is not news; a trip abroad has no mixed days in the middle.
 */
import type { IsoDate } from "../calendar.ts";
import type { LineContext } from "../context.ts";
import { countryName, formatPlmn, isNeighbour } from "../countries.ts";
import { type DayView, mccOf } from "../day.ts";
import { decimalEur, formatMoney, formatOctets, formatPercent, punct } from "../format.ts";
import { usualCountryShare } from "../profile.ts";
import type { Locale, Reason } from "../reasons.ts";
import { reasonScore } from "../severity.ts";
import type { Mcc, NetworkOctets } from "../types.ts";
import { addMicros, type Micros, NO_MICROS } from "../units.ts";
import { mergeNetworks, pushBounded, sumOf, topNetwork } from "../window.ts";
import { capitalise, sinceDay, stop } from "./phrases.ts";

interface Entry {
  readonly date: IsoDate;
  readonly total: number;
  readonly home: number;
  readonly neighbours: readonly NetworkOctets[];
  readonly spend: Micros;
}

interface Flap {
  readonly mcc: Mcc;
  readonly since: IsoDate;
  readonly usualShare: number;
  readonly threshold: number;
  readonly foreign: number;
  readonly total: number;
  readonly mixedDays: number;
  readonly spend: Micros;
  readonly networks: readonly NetworkOctets[];
  /** The neighbour's share over the latest window, to show whether it is still growing. */
  readonly latestShare: number;
}

export interface BorderFlappingState {
  readonly window: readonly Entry[];
  readonly flap: Flap | undefined;
}

export function initBorderFlapping(_ctx: LineContext): BorderFlappingState {
  return { window: [], flap: undefined };
}

const octetsOn = (e: Entry, mcc: Mcc): number =>
  sumOf(
    e.neighbours.filter((n) => mccOf(n.plmn) === mcc),
    (n) => n.octets,
  );

function isMixed(e: Entry, mcc: Mcc, ctx: LineContext): boolean {
  const min = ctx.options.borderFlapping.mixedDayShare * e.total;
  return e.total > 0 && e.home >= min && octetsOn(e, mcc) >= min;
}

function absorb(f: Flap, e: Entry, ctx: LineContext): Flap {
  const mine = e.neighbours.filter((n) => mccOf(n.plmn) === f.mcc);
  return {
    ...f,
    foreign: f.foreign + sumOf(mine, (n) => n.octets),
    total: f.total + e.total,
    mixedDays: f.mixedDays + (isMixed(e, f.mcc, ctx) ? 1 : 0),
    spend: addMicros(f.spend, e.spend),
    networks: mergeNetworks(f.networks, mine),
  };
}

function windowShare(window: readonly Entry[], mcc: Mcc): number {
  const total = sumOf(window, (e) => e.total);
  return total === 0 ? 0 : sumOf(window, (e) => octetsOn(e, mcc)) / total;
}

function detect(window: readonly Entry[], ctx: LineContext): Flap | undefined {
  const o = ctx.options.borderFlapping;
  const mccs = new Set(window.flatMap((e) => e.neighbours.map((n) => mccOf(n.plmn))));
  let best: Flap | undefined;
  for (const mcc of [...mccs].sort()) {
    const share = windowShare(window, mcc);
    const usualShare = usualCountryShare(ctx.profile, mcc);
    const threshold = Math.max(o.minShare, usualShare + o.minRise, usualShare * o.minRatioToUsual);
    const mixed = window.filter((e) => isMixed(e, mcc, ctx));
    const first = mixed[0];
    const foreign = sumOf(window, (e) => octetsOn(e, mcc));
    if (first === undefined || share < threshold || mixed.length < o.minMixedDays) continue;
    if (foreign < o.minForeignOctets || (best !== undefined && share <= best.latestShare)) continue;
    const empty: Flap = {
      mcc,
      since: first.date,
      usualShare,
      threshold,
      foreign: 0,
      total: 0,
      mixedDays: 0,
      spend: NO_MICROS,
      networks: [],
      latestShare: share,
    };
    best = window.filter((e) => e.date >= first.date).reduce((f, e) => absorb(f, e, ctx), empty);
  }
  return best;
}

export function stepBorderFlapping(ctx: LineContext, s: BorderFlappingState, day: DayView): BorderFlappingState {
  const entry: Entry = {
    date: day.date,
    total: day.octets,
    home: day.homeCountry,
    neighbours: day.foreign.filter((n) => isNeighbour(ctx.homeMcc, mccOf(n.plmn))),
    spend: day.spend,
  };
  const window = pushBounded(s.window, entry, ctx.options.borderFlapping.windowDays);
  if (s.flap === undefined) return { window, flap: detect(window, ctx) };
  const flap = absorb(s.flap, entry, ctx);
  return { window, flap: { ...flap, latestShare: windowShare(window, flap.mcc) } };
}

export function borderFlappingReason(ctx: LineContext, s: BorderFlappingState, locale: Locale): Reason | undefined {
  const f = s.flap;
  if (f === undefined) return undefined;
  const share = f.total === 0 ? 0 : f.foreign / f.total;
  const score = reasonScore(share / f.threshold, f.spend);
  const top = topNetwork(f.networks);
  const plmn = top === undefined ? f.mcc : formatPlmn(top.plmn);
  const country = countryName(f.mcc, locale);
  const since = sinceDay(f.since, locale);
  const money = formatMoney(f.spend, locale);
  const pct = formatPercent(share, locale);
  const usual =
    ctx.profile === undefined
      ? locale === "en"
        ? "on a new line"
        : "sur une ligne récente"
      : locale === "en"
        ? `usually ${formatPercent(f.usualShare, locale)}`
        : `habituellement ${formatPercent(f.usualShare, locale)}`;
  const latest = formatPercent(f.latestShare, locale);
  const vol = formatOctets(f.foreign, locale);
  const message =
    locale === "en"
      ? `${capitalise(since)}, ${pct} of traffic via ${plmn} (${country}), ${usual} (latest 7 days: ${latest}), on ${f.mixedDays} days that also used home networks: the device stays at home but attaches to a network across the border. ${vol} carried abroad, ${money} billed ${stop(since)} Lock the device to the home network or bar roaming, and review the roaming charges with the customer.`
      : `${capitalise(since)}, ${pct} du trafic passe par ${plmn} (${country}), ${usual} (7 derniers jours${punct(":", locale)} ${latest}), sur ${f.mixedDays} jours qui ont aussi utilisé les réseaux nationaux${punct(":", locale)} l'appareil ne bouge pas mais s'accroche à un réseau frontalier. ${vol} acheminés à l'étranger, ${money} facturés ${stop(since)} Verrouiller l'appareil sur le réseau national ou bloquer l'itinérance, et revoir les frais d'itinérance avec le client.`;
  return {
    code: "border_flapping",
    score,
    since: f.since,
    message,
    evidence: {
      since: f.since,
      score,
      spend_since_eur: decimalEur(f.spend),
      plmn: top?.plmn ?? "",
      country: countryName(f.mcc, "en"),
      share_pct: Math.round(share * 100),
      usual_share_pct: Math.round(f.usualShare * 1000) / 10,
      latest_week_share_pct: Math.round(f.latestShare * 100),
      mixed_days: f.mixedDays,
      foreign_octets: f.foreign,
    },
  };
}
