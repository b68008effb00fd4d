import type { Allowance, Plan, Service, Tariff, Zone } from "../catalog/types.ts";
import type { Micros } from "../money.ts";
import { consumeAllowance } from "./allowance.ts";
import type { PeriodCounters } from "./counters.ts";
import { findTariff, perUnit } from "./per-unit.ts";

export interface RatingInput {
  readonly service: Service;
  readonly zone: Zone;
  /** Base units: octets, seconds or messages. */
  readonly quantity: number;
}

export type Rated = {
  readonly ok: true;
  readonly tariff: Tariff;
  readonly allowance: Allowance | undefined;
  readonly allowanceUsed: number;
  /** Quantity priced after the allowance. */
  readonly chargeable: number;
  readonly units: number;
  readonly amount: Micros;
};

export type RatingFailure = { readonly ok: false; readonly code: "no_tariff"; readonly message: string };

/** Rates one usage against a plan and what the period has used so far. Pure. */
export function rate(input: RatingInput, plan: Plan, counters: PeriodCounters): Rated | RatingFailure {
  const tariff = findTariff(plan, input.service, input.zone);
  if (!tariff) {
    return { ok: false, code: "no_tariff", message: `plan ${plan.id} has no ${input.service} tariff in zone ${input.zone}` };
  }
  const use = consumeAllowance(plan, input.service, input.zone, input.quantity, counters);
  const priced = perUnit(tariff, use.remaining);
  return {
    ok: true,
    tariff,
    allowance: use.allowance,
    allowanceUsed: use.consumed,
    chargeable: use.remaining,
    units: priced.units,
    amount: priced.amount,
  };
}
