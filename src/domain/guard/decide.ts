import type { Plan, Service, Zone } from "../catalog/types.ts";
import type { Micros } from "../money.ts";
import type { PeriodCounters } from "../rating/counters.ts";
import { type RatingFailure, rate } from "../rating/rate.ts";
import { capApplies, type EffectiveCap } from "./caps.ts";
import { isThrottled } from "./fair-use.ts";
import type { NoticeIntent } from "./notices.ts";
import { afterConsentNotices } from "./rearm.ts";
import { clampSpend } from "./spend-block.ts";
import { allowanceNotices, capNotices } from "./thresholds.ts";
import { clampVolume } from "./volume-block.ts";
import { welcomeNotice } from "./welcome.ts";

export interface UsageFacts {
  readonly service: Service;
  readonly zone: Zone;
  readonly country: string;
  readonly countryName: string;
  /** Base units: octets, seconds or messages. */
  readonly quantity: number;
}

export interface GuardContext {
  readonly plan: Plan;
  readonly caps: readonly EffectiveCap[];
  /** The line's counters for the period the usage is rated in. */
  readonly line: PeriodCounters;
  /** The account's counters for the same period (account-scoped caps). */
  readonly account: PeriodCounters;
}

/** The outcome of one usage: what is billed, what is over a cap, which notices go out. */
export interface Decision {
  readonly ok: true;
  readonly quantity: number;
  readonly allowanceId: string | undefined;
  readonly allowanceUsed: number;
  readonly unitPrice: Micros;
  readonly unitLabel: string;
  readonly billableUnits: number;
  readonly amount: Micros;
  /** Rating increments not billed because a blocking cap was reached. */
  readonly overUnits: number;
  readonly overCapId: string | undefined;
  /** Usage beyond a fair-use volume: served throttled, reported as a policy status. */
  readonly throttled: boolean;
  readonly notices: readonly NoticeIntent[];
}

/**
 * rate → guard → decide, for one usage, without touching the counters: the engine applies the
 * decision (`applyDecision`) only once it has it. Pure and deterministic.
 */
export function decide(usage: UsageFacts, ctx: GuardContext): Decision | RatingFailure {
  const { plan, caps, line, account } = ctx;
  const volume = clampVolume(caps, usage.service, usage.zone, usage.quantity, line, account);
  const rated = rate({ service: usage.service, zone: usage.zone, quantity: volume.allowed }, plan, line);
  if (!rated.ok) return rated;
  const spend = clampSpend(caps, usage.service, usage.zone, rated.units, rated.tariff.unitPrice, line, account);
  const overFromVolume = Math.ceil(volume.over / rated.tariff.increment);
  const throttled = isThrottled(caps, usage.service, usage.zone, line, account);

  const notices: NoticeIntent[] = [];
  const welcome = welcomeNotice(plan, usage.zone, usage.country, usage.countryName, caps, line);
  if (welcome) notices.push(welcome);
  if (rated.allowanceUsed > 0) notices.push(...allowanceNotices(rated.allowance, line, rated.allowanceUsed));
  const relevant = caps.filter(({ cap }) => capApplies(cap, usage.service, usage.zone));
  if (relevant.length > 0) {
    const usedAfter = ({ cap }: EffectiveCap): number => {
      const counters = cap.scope === "account" ? account : line;
      // Every relevant cap applies to this usage: its measure grows by what is billed or used now.
      return (
        counters.measure(cap.measure.kind, cap.measure.service, cap.measure.zones) + (cap.measure.kind === "spend" ? spend.billableAmount : usage.quantity)
      );
    };
    notices.push(...capNotices(relevant, line, usedAfter, rated.tariff));
    for (const c of relevant) notices.push(...afterConsentNotices(c, line, usedAfter(c), rated.tariff));
  }

  return {
    ok: true,
    quantity: usage.quantity,
    allowanceId: rated.allowance?.id,
    allowanceUsed: rated.allowanceUsed,
    unitPrice: rated.tariff.unitPrice,
    unitLabel: rated.tariff.unitLabel,
    billableUnits: spend.billableUnits,
    amount: spend.billableAmount,
    overUnits: spend.overUnits + overFromVolume,
    overCapId: spend.capId ?? volume.capId,
    throttled,
    notices,
  };
}

/** Applies a decision to the line's and the account's counters. */
export function applyDecision(usage: UsageFacts, decision: Decision, line: PeriodCounters, account: PeriodCounters): void {
  line.apply(usage.service, usage.zone, usage.quantity, decision.amount, decision.allowanceId, decision.allowanceUsed);
  if (account !== line) account.apply(usage.service, usage.zone, usage.quantity, decision.amount, undefined, 0);
  for (const n of decision.notices) line.markNotified(n.key);
}
