/**
 * `peer_outlier`: a line too new to have habits, already using far more than nearly all lines of
 * its plan use in a whole month. The month to date is projected to a full month and compared with
 * the peers' 99th percentile: a SIM moved into a router, resold, or stolen shows here first.
 */
import type { LineContext } from "../context.ts";
import type { DayView } from "../day.ts";
import { decimalEur, formatMoney, formatMultiple, formatOctets, punct } from "../format.ts";
import type { PeerStats } from "../peers.ts";
import type { Locale, Reason } from "../reasons.ts";
import { reasonScore, round1 } from "../severity.ts";
import { addMicros, type Micros, microsFromStatistic, NO_MICROS } from "../units.ts";
import { sinceDay } from "./phrases.ts";

export interface PeerOutlierState {
  readonly daysObserved: number;
  readonly octets: number;
  readonly spend: Micros;
  /** Which measure crossed first; it stays the one reported. */
  readonly fired: "volume" | "spend" | undefined;
}

function usablePeers(ctx: LineContext): PeerStats | undefined {
  const peers = ctx.peers;
  return peers !== undefined && peers.samples >= ctx.options.peerOutlier.minPeerSamples ? peers : undefined;
}

export function initPeerOutlier(ctx: LineContext): PeerOutlierState | undefined {
  if (ctx.profile !== undefined || usablePeers(ctx) === undefined) return undefined;
  return { daysObserved: 0, octets: 0, spend: NO_MICROS, fired: undefined };
}

const project = (value: number, s: PeerOutlierState, ctx: LineContext): number => (value * ctx.periodDays) / s.daysObserved;

/**
 * The bar to compare with. On many plans nearly nobody pays beyond the fee, so the spend p99 can
 * be 0: the bar is then the minimum spend worth a call, not "any cent".
 */
function bar(measure: "volume" | "spend", ctx: LineContext, peers: PeerStats): number {
  return measure === "volume" ? Math.max(peers.octets.p99, 1) : Math.max(peers.spend.p99, ctx.options.peerOutlier.minSpend);
}

function crossed(s: PeerOutlierState, ctx: LineContext, peers: PeerStats): "volume" | "spend" | undefined {
  const o = ctx.options.peerOutlier;
  if (s.daysObserved < o.minDaysObserved) return undefined;
  if (project(s.octets, s, ctx) >= o.multipleOfP99 * bar("volume", ctx, peers)) return "volume";
  const spendHigh = project(s.spend, s, ctx) >= o.multipleOfP99 * bar("spend", ctx, peers);
  return spendHigh && s.spend >= o.minSpend ? "spend" : undefined;
}

export function stepPeerOutlier(ctx: LineContext, s: PeerOutlierState, day: DayView): PeerOutlierState {
  const peers = usablePeers(ctx);
  if (peers === undefined) return s;
  const next: PeerOutlierState = {
    daysObserved: s.daysObserved + 1,
    octets: s.octets + day.octets,
    spend: addMicros(s.spend, day.spend),
    fired: s.fired,
  };
  return next.fired === undefined ? { ...next, fired: crossed(next, ctx, peers) } : next;
}

export function peerOutlierReason(ctx: LineContext, s: PeerOutlierState, locale: Locale): Reason | undefined {
  const peers = usablePeers(ctx);
  if (s.fired === undefined || peers === undefined) return undefined;
  const isVolume = s.fired === "volume";
  const mtd = isVolume ? s.octets : s.spend;
  const projected = project(mtd, s, ctx);
  const p50 = isVolume ? peers.octets.p50 : peers.spend.p50;
  const p99 = isVolume ? peers.octets.p99 : peers.spend.p99;
  const multiple = projected / bar(s.fired, ctx, peers);
  const score = reasonScore(multiple / ctx.options.peerOutlier.multipleOfP99, s.spend);
  const show = (v: number): string => (isVolume ? formatOctets(v, locale) : formatMoney(microsFromStatistic(v), locale));
  const raw = (v: number): string => (isVolume ? String(Math.round(v)) : decimalEur(microsFromStatistic(v)));
  const since = sinceDay(ctx.watchFrom, locale);
  const times = formatMultiple(multiple, locale);
  const message =
    locale === "en"
      ? `New line, ${s.daysObserved} days observed ${since}: ${show(mtd)} so far, a pace of ${show(projected)} a month, ${times} the 99th percentile of ${ctx.planId} lines (${show(p99)}; median ${show(p50)}). Verify the subscriber and the device before usage grows; consider a cap.`
      : `Ligne récente, ${s.daysObserved} jours observés ${since}${punct(":", locale)} ${show(mtd)} à ce jour, soit un rythme de ${show(projected)} par mois, ${times} le 99e centile des lignes ${ctx.planId} (${show(p99)}${punct(";", locale)} médiane ${show(p50)}). Vérifier l'abonné et l'appareil avant que l'usage n'augmente${punct(";", locale)} envisager un plafond.`;
  return {
    code: "peer_outlier",
    score,
    since: ctx.watchFrom,
    message,
    evidence: {
      since: ctx.watchFrom,
      score,
      spend_since_eur: decimalEur(s.spend),
      measure: s.fired,
      days_observed: s.daysObserved,
      month_to_date: raw(mtd),
      projected_month: raw(projected),
      peer_p50: raw(p50),
      peer_p99: raw(p99),
      peer_samples: peers.samples,
      multiple_of_p99: round1(multiple),
    },
  };
}
