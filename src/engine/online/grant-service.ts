import { type Period, sizeGrant, type Zone } from "../../domain/index.ts";
import type { ReservationRow } from "../../store/index.ts";
import type { ChargingEngine } from "../engine.ts";
import type { LineState } from "../line-state.ts";
import type { SessionTable } from "./sessions.ts";
import type { OnlineOptions, ServiceAnswer, ServiceRequest } from "./types.ts";

export interface GrantScope {
  readonly engine: ChargingEngine;
  readonly table: SessionTable;
  readonly options: OnlineOptions;
  readonly line: LineState;
  readonly period: Period;
  readonly zone: Zone;
  readonly sessionId: string;
}

/** Volume-Quota-Threshold is an Unsigned32: grants above 4 GiB are cut to fit it. */
const MAX_GRANT = 0xffff_ffff;

/**
 * Sizes the grant of one rating group from the headroom left once every other reservation of
 * the line is counted, and records it as this rating group's reservation.
 */
export function grantFor(scope: GrantScope, service: ServiceRequest, reservations: Map<number, ReservationRow>): ServiceAnswer {
  const { engine, line, period, options } = scope;
  const counters = line.counters(period);
  const account = engine.lines.accountCounters(line, period) ?? counters;
  const reserved = scope.table.reservedFor(line.record.lineId, { sessionId: scope.sessionId, ratingGroup: service.ratingGroup });
  const grant = sizeGrant(
    { service: "data", zone: scope.zone, requested: service.requested, reserved },
    // The plan in force in the usage's period: a scheduled migration changes it at the boundary.
    { ...line.termsAt(period), line: counters, account },
    { defaultGrant: Math.min(options.defaultGrant, MAX_GRANT) },
  );
  reservations.delete(service.ratingGroup);
  const base = { ratingGroup: service.ratingGroup, granted: undefined, validityS: undefined, threshold: undefined, finalAction: undefined, capId: undefined };
  if (!grant.ok) return { ...base, result: "rating_failed" };
  if (grant.kind === "exhausted") {
    // A redirect still lets the gateway send the subscriber to the consent page.
    const finalAction = options.finalAction.kind === "redirect" ? options.finalAction : undefined;
    return { ...base, result: "credit_limit_reached", capId: grant.capId, finalAction };
  }
  reservations.set(service.ratingGroup, { ratingGroup: service.ratingGroup, ...grant.reservation });
  const final = grant.finalCapId !== undefined;
  return {
    ...base,
    result: "success",
    granted: grant.quantity,
    validityS: options.validityS,
    // The last units before a cut-off need no early report: nothing follows them.
    threshold: final ? undefined : Math.floor((grant.quantity * options.thresholdPercent) / 100),
    finalAction: final ? options.finalAction : undefined,
    capId: grant.finalCapId,
  };
}
