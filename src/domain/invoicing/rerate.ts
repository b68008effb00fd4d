import type { Plan, Service, Zone } from "../catalog/types.ts";
import type { EffectiveCap } from "../guard/caps.ts";
import { applyDecision, decide } from "../guard/decide.ts";
import { add, type Micros, ZERO } from "../money.ts";
import type { Period } from "../period.ts";
import { PeriodCounters } from "../rating/counters.ts";
import { type Outcome, refuse, success } from "./review-errors.ts";
import type { UsageAggregate } from "./types.ts";

/** One journaled usage record: what happened, and how it was rated when it was accepted. */
export interface JournaledUsage {
  readonly lineId: string;
  readonly service: Service;
  readonly zone: Zone;
  readonly country: string;
  readonly countryName: string;
  /** Base units: octets, seconds or messages. */
  readonly quantity: number;
  readonly usagePeriod: Period;
  readonly billPeriod: Period;
  readonly units: number;
  readonly unitLabel: string;
  readonly amount: Micros;
  readonly overUnits: number;
  readonly overCapId: string | undefined;
}

/** The terms a line is rated under: a plan, the caps as they apply to the line, its account. */
export interface RatingTerms {
  readonly plan: Plan;
  readonly caps: readonly EffectiveCap[];
  readonly accountId: string;
}

type Rated = Pick<JournaledUsage, "units" | "unitLabel" | "amount" | "overUnits" | "overCapId">;

/**
 * Rates journaled usage again under other terms with the same pure core as the engine
 * (`decide` then `applyDecision`), over fresh counters per line and period, in journal order:
 * allowances and caps are consumed exactly as they would have been. Nothing outside the call is
 * read or changed. `keep` chooses which records end up in the aggregates (e.g. those billed in
 * one period) while every record still consumes the allowance it consumed then.
 */
export function rerateUsage(
  usage: readonly JournaledUsage[],
  termsOf: (lineId: string) => RatingTerms | undefined,
  keep: (u: JournaledUsage) => boolean,
): Outcome<UsageAggregate[]> {
  const lines = new Map<string, PeriodCounters>();
  const accounts = new Map<string, PeriodCounters>();
  const out = new Aggregator();
  for (const u of usage) {
    const terms = termsOf(u.lineId);
    if (!terms) continue;
    const line = counters(lines, `${u.lineId}|${u.usagePeriod}`, u.usagePeriod);
    const accountScoped = terms.caps.some((c) => c.cap.scope === "account");
    const account = accountScoped ? counters(accounts, `${terms.accountId}|${u.usagePeriod}`, u.usagePeriod) : line;
    const facts = { service: u.service, zone: u.zone, country: u.country, countryName: u.countryName, quantity: u.quantity };
    const decision = decide(facts, { plan: terms.plan, caps: terms.caps, line, account });
    if (!decision.ok) return refuse("rating_failed", `line ${u.lineId}: ${decision.message}`);
    applyDecision(facts, decision, line, account);
    if (keep(u)) {
      out.add(u, {
        units: decision.billableUnits,
        unitLabel: decision.unitLabel,
        amount: decision.amount,
        overUnits: decision.overUnits,
        overCapId: decision.overCapId,
      });
    }
  }
  return success(out.list());
}

/** The journal's own rating of the kept records, itemised as an invoice itemises them. */
export function recordedUsage(usage: readonly JournaledUsage[], keep: (u: JournaledUsage) => boolean): UsageAggregate[] {
  const out = new Aggregator();
  for (const u of usage) if (keep(u)) out.add(u, u);
  return out.list();
}

function counters(map: Map<string, PeriodCounters>, key: string, period: Period): PeriodCounters {
  let c = map.get(key);
  if (!c) {
    c = new PeriodCounters(period);
    map.set(key, c);
  }
  return c;
}

type Mutable = { -readonly [K in keyof UsageAggregate]: UsageAggregate[K] };

/** Sums rated records per line × service × zone × country × usage period. */
class Aggregator {
  private readonly byKey = new Map<string, Mutable>();
  private readonly caps = new Map<string, Set<string>>();

  add(u: JournaledUsage, r: Rated): void {
    const key = `${u.lineId}|${u.service}|${u.zone}|${u.country}|${u.usagePeriod}`;
    let a = this.byKey.get(key);
    if (!a) {
      a = {
        lineId: u.lineId,
        service: u.service,
        zone: u.zone,
        country: u.country,
        countryName: u.countryName,
        usagePeriod: u.usagePeriod,
        quantity: 0,
        units: 0,
        unitLabel: r.unitLabel,
        amount: ZERO,
        overUnits: 0,
        overCapIds: [],
        records: 0,
      };
      this.byKey.set(key, a);
      this.caps.set(key, new Set());
    }
    a.quantity += u.quantity;
    a.units += r.units;
    a.amount = add(a.amount, r.amount);
    a.overUnits += r.overUnits;
    a.records += 1;
    if (r.overCapId !== undefined) this.caps.get(key)?.add(r.overCapId);
  }

  list(): UsageAggregate[] {
    return [...this.byKey.entries()].map(([key, a]) => ({ ...a, overCapIds: [...(this.caps.get(key) ?? [])] }));
  }
}
