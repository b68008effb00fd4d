/**
 * `heavy_roaming`: days on end abroad at well above the line's usual volume. Each day alone is
 * unremarkable (no spike), but a fortnight at three times the usual adds up to gigabytes billed
 * at roaming prices, or to a line that in fact lives abroad (the EU's "permanent roaming").
 */
import { zOfSum } from "../baseline.ts";
import type { IsoDate } from "../calendar.ts";
import type { LineContext } from "../context.ts";
import { countryName, formatPlmn } from "../countries.ts";
import { type DayView, mccOf } from "../day.ts";
import { decimalEur, formatMoney, formatMultiple, formatOctets, punct } from "../format.ts";
import { expectedVolume } from "../profile.ts";
import type { Locale, Reason } from "../reasons.ts";
import { reasonScore, round1 } from "../severity.ts";
import type { NetworkOctets } from "../types.ts";
import { addMicros, type Micros, NO_MICROS } from "../units.ts";
import { mergeNetworks, pushBounded, sumOf, topNetwork } from "../window.ts";
import { capitalise, sinceDay, stop } from "./phrases.ts";

interface Entry {
  readonly date: IsoDate;
  readonly abroad: boolean;
  readonly roaming: number;
  readonly expected: number;
  readonly spread: number;
  readonly spend: Micros;
  readonly networks: readonly NetworkOctets[];
}

interface Stay {
  readonly since: IsoDate;
  readonly days: number;
  readonly roaming: number;
  readonly expected: number;
  readonly spend: Micros;
  readonly networks: readonly NetworkOctets[];
}

export interface HeavyRoamingState {
  readonly window: readonly Entry[];
  readonly stay: Stay | undefined;
}

export function initHeavyRoaming(ctx: LineContext): HeavyRoamingState | undefined {
  return ctx.profile === undefined ? undefined : { window: [], stay: undefined };
}

function absorb(s: Stay, e: Entry): Stay {
  const spend = addMicros(s.spend, e.spend);
  if (!e.abroad) return { ...s, spend };
  return {
    since: s.since,
    days: s.days + 1,
    roaming: s.roaming + e.roaming,
    expected: s.expected + e.expected,
    spend,
    networks: mergeNetworks(s.networks, e.networks),
  };
}

function detect(window: readonly Entry[], ctx: LineContext): Stay | undefined {
  const o = ctx.options.heavyRoaming;
  const abroad = window.filter((e) => e.abroad);
  const first = abroad[0];
  if (first === undefined || abroad.length < o.minRoamingDays) return undefined;
  const roaming = sumOf(abroad, (e) => e.roaming);
  const expected = sumOf(abroad, (e) => e.expected);
  const heavy =
    roaming >= o.multiple * expected &&
    roaming - expected >= o.minExcessOctets &&
    zOfSum(
      roaming,
      expected,
      abroad.map((e) => e.spread),
    ) >= o.minZ;
  if (!heavy) return undefined;
  const empty: Stay = { since: first.date, days: 0, roaming: 0, expected: 0, spend: NO_MICROS, networks: [] };
  return window.filter((e) => e.date >= first.date).reduce(absorb, empty);
}

export function stepHeavyRoaming(ctx: LineContext, s: HeavyRoamingState, day: DayView): HeavyRoamingState {
  if (ctx.profile === undefined) return s;
  const e = expectedVolume(ctx.profile, day.weekday, ctx.options);
  const entry: Entry = {
    date: day.date,
    abroad: day.roaming > 0 && day.roaming >= ctx.options.heavyRoaming.roamingDayShare * day.octets,
    roaming: day.roaming,
    expected: e.median,
    spread: e.spread,
    spend: day.spend,
    networks: day.foreign,
  };
  const window = pushBounded(s.window, entry, ctx.options.heavyRoaming.windowDays);
  if (s.stay !== undefined) return { window, stay: absorb(s.stay, entry) };
  return { window, stay: detect(window, ctx) };
}

export function heavyRoamingReason(ctx: LineContext, s: HeavyRoamingState, locale: Locale): Reason | undefined {
  const st = s.stay;
  if (st === undefined) return undefined;
  const multiple = st.roaming / st.expected;
  const score = reasonScore(multiple / ctx.options.heavyRoaming.multiple, st.spend);
  const top = topNetwork(st.networks);
  const plmn = top === undefined ? "?" : formatPlmn(top.plmn);
  const country = top === undefined ? "?" : countryName(mccOf(top.plmn), locale);
  const vol = formatOctets(st.roaming, locale);
  const usual = formatOctets(st.expected, locale);
  const money = formatMoney(st.spend, locale);
  const since = sinceDay(st.since, locale);
  const times = formatMultiple(multiple, locale);
  const message =
    locale === "en"
      ? `${capitalise(since)}, ${st.days} days abroad via ${plmn} (${country}) with ${vol} of roaming data, ${times} the usual ${usual} for those days; ${money} billed ${stop(since)} Sustained heavy use abroad: offer a roaming pass, or check whether the line is in fact used permanently abroad.`
      : `${capitalise(since)}, ${st.days} jours à l'étranger via ${plmn} (${country}) avec ${vol} de données en itinérance, ${times} les ${usual} habituels pour ces jours${punct(";", locale)} ${money} facturés ${stop(since)} Usage intensif et durable à l'étranger${punct(":", locale)} proposer un forfait itinérance, ou vérifier si la ligne est en fait utilisée en permanence à l'étranger.`;
  return {
    code: "heavy_roaming",
    score,
    since: st.since,
    message,
    evidence: {
      since: st.since,
      score,
      spend_since_eur: decimalEur(st.spend),
      roaming_days: st.days,
      roaming_octets: st.roaming,
      usual_octets: Math.round(st.expected),
      multiple: round1(multiple),
      plmn: top?.plmn ?? "",
      country: top === undefined ? "" : countryName(mccOf(top.plmn), "en"),
    },
  };
}
