import { type Period, policyStatus } from "../../domain/index.ts";
import type { ChargingEngine } from "../engine.ts";

export interface PolicyCounterStatus {
  /** The throttle cap's id: the Policy-Counter-Identifier on Sy. */
  readonly id: string;
  readonly status: string;
}

export interface LinePolicy {
  readonly lineId: string;
  readonly period: Period;
  /** "normal", or the first reached throttle cap's status ("throttled-128k"). */
  readonly status: string;
  readonly counters: readonly PolicyCounterStatus[];
}

/** The fair-use status of a line now, per throttle cap and overall (policyStatus of the guard). */
export function linePolicy(engine: ChargingEngine, lineId: string, atMs: number): LinePolicy | undefined {
  const line = engine.lines.get(lineId);
  if (!line) return undefined;
  const period = engine.calendar.periodOf(atMs);
  const counters = engine.countersOf(lineId, period);
  if (!counters) return undefined;
  const account = engine.lines.accountCounters(line, period) ?? counters;
  const { caps } = line.termsAt(period);
  const perCap: PolicyCounterStatus[] = [];
  for (const effective of caps) {
    if (effective.cap.action !== "throttle" || !effective.cap.throttle) continue;
    perCap.push({ id: effective.cap.id, status: policyStatus([effective], counters, account) });
  }
  return { lineId, period, status: policyStatus(caps, counters, account), counters: perCap };
}
