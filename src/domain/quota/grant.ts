import type { Tariff } from "../catalog/types.ts";
import type { GuardContext } from "../guard/decide.ts";
import { type Micros, priceOf, unitsWithin } from "../money.ts";
import { findAllowance } from "../rating/allowance.ts";
import { findTariff } from "../rating/per-unit.ts";
import { startedIncrements } from "../units.ts";
import { allowanceLeft, capCovers, noticeDistances, usedWithReserved } from "./headroom.ts";
import type { Grant, GrantLimit, GrantPolicy, GrantRequest, Reservation } from "./types.ts";

interface Candidate {
  readonly limit: GrantLimit;
  readonly quantity: number;
  /** A blocking cap's headroom: a grant that ends here is the final one. */
  readonly capId?: string;
}

/**
 * Sizes an online grant from the headroom, pure and deterministic:
 * `min(default grant, blocking-cap headroom ÷ unit price in whole increments, distance to the next
 * notice threshold, allowance left where crossing it changes the price)`, every one of them net
 * of the line's outstanding reservations. A blocking cap is never granted past: when not even one
 * increment fits, the answer is "exhausted" and nothing is served.
 */
export function sizeGrant(request: GrantRequest, ctx: GuardContext, policy: GrantPolicy): Grant {
  const { plan, caps, line, account } = ctx;
  const { service, zone, reserved } = request;
  const tariff = findTariff(plan, service, zone);
  if (!tariff) return { ok: false, code: "no_tariff", message: `plan ${plan.id} has no ${service} tariff in zone ${zone}` };

  const candidates: Candidate[] = [{ limit: "default", quantity: policy.defaultGrant }];
  if (request.requested !== undefined && request.requested > 0) candidates.push({ limit: "requested", quantity: request.requested });

  const allowance = findAllowance(plan, service, zone);
  const free = allowance === undefined ? 0 : allowanceLeft(allowance, line, reserved);
  if (allowance !== undefined && free > 0) {
    // Inside the allowance a grant costs nothing; it ends where the price starts.
    if (tariff.unitPrice > 0) candidates.push({ limit: "allowance", quantity: free });
    const used = allowance.amount - free;
    for (const d of noticeDistances(`allowance:${allowance.id}`, allowance.amount, allowance.notices, used, line))
      candidates.push({ limit: "notice", quantity: d });
  }
  const chargeable = free === 0 && tariff.unitPrice > 0;

  for (const { cap, limit } of caps) {
    if (!capCovers(cap, service, zone)) continue;
    const counters = cap.scope === "account" ? account : line;
    const used = usedWithReserved(cap, counters, reserved);
    const blocking = cap.action === "block" && !counters.isConsented(cap.id);
    const thresholds = cap.notices.includes(100) ? cap.notices : [...cap.notices, 100];
    if (cap.measure.kind === "volume") {
      if (blocking) {
        const head = limit - used;
        if (head <= 0) return { ok: true, kind: "exhausted", capId: cap.id };
        candidates.push({ limit: "volume_cap", quantity: head, capId: cap.id });
      }
      for (const d of noticeDistances(`cap:${cap.id}`, limit, thresholds, used, line)) candidates.push({ limit: "notice", quantity: d });
      continue;
    }
    // A spend cap only bounds what costs money.
    if (!chargeable) continue;
    if (blocking) {
      const units = unitsWithin((limit - used) as Micros, tariff.unitPrice);
      if (units === 0) return { ok: true, kind: "exhausted", capId: cap.id };
      candidates.push({ limit: "spend_cap", quantity: units * tariff.increment, capId: cap.id });
    }
    for (const d of noticeDistances(`cap:${cap.id}`, limit, thresholds, used, line)) {
      // Enough whole increments to reach the threshold: the report of this grant raises the notice.
      candidates.push({ limit: "notice", quantity: Math.ceil(d / tariff.unitPrice) * tariff.increment });
    }
  }

  let best = candidates[0] as Candidate;
  for (const c of candidates) if (c.quantity < best.quantity) best = c;
  // Ties go to the cap: a grant that exactly reaches a blocking cap is the final one whatever else bounded it.
  const finalCap = candidates.find((c) => c.capId !== undefined && c.quantity === best.quantity);
  return {
    ok: true,
    kind: "granted",
    quantity: best.quantity,
    reservation: reservationOf(request, tariff, chargeable, best.quantity),
    limitedBy: finalCap?.limit ?? best.limit,
    finalCapId: finalCap?.capId,
  };
}

function reservationOf(request: GrantRequest, tariff: Tariff, chargeable: boolean, quantity: number): Reservation {
  const amount = chargeable ? priceOf(startedIncrements(quantity, tariff.increment), tariff.unitPrice) : (0 as Micros);
  return { service: request.service, zone: request.zone, quantity, amount, allowanceQuantity: chargeable ? 0 : quantity };
}
