import type { Allowance, Plan, Service, Zone } from "../catalog/types.ts";
import type { PeriodCounters } from "./counters.ts";

export interface AllowanceUse {
  readonly allowance: Allowance | undefined;
  /** Quantity taken from the allowance. */
  readonly consumed: number;
  /** Quantity left to price. */
  readonly remaining: number;
}

export function findAllowance(plan: Plan, service: Service, zone: Zone): Allowance | undefined {
  return plan.allowances.find((a) => a.service === service && a.zones.includes(zone));
}

/** Included quantity is consumed before anything is charged. */
export function consumeAllowance(plan: Plan, service: Service, zone: Zone, quantity: number, counters: PeriodCounters): AllowanceUse {
  const allowance = findAllowance(plan, service, zone);
  if (!allowance) return { allowance, consumed: 0, remaining: quantity };
  const left = Math.max(0, allowance.amount - counters.allowance(allowance.id));
  const consumed = Math.min(left, quantity);
  return { allowance, consumed, remaining: quantity - consumed };
}
