/**
 * The batch scan of a period: the journal's slots of the period and of the months before it,
 * mapped onto the detectors' input, run through `detectAnomalies` with the remembered dismissals.
 * The close and `gardefou anomalies` both read this, so what holds an invoice is what is listed.
 */
import { type DetectReport, type Dismissal, detectAnomalies, type LineInput, type Locale, REASON_CODES, type ReasonCode } from "../../domain/anomaly/index.ts";
import type { Catalog, Period } from "../../domain/index.ts";
import type { ChargingEngine } from "../../engine/index.ts";
import type { AnomalyStore, DismissalRow } from "../../store/index.ts";
import { historyMonths, type LineIdentity, lineInputs } from "./series.ts";

/** Three months: the detectors' baselines look back 91 days at most (`maxHistoryDays`). */
export const HISTORY_MONTHS = 3;

export interface AnomalyDeps {
  readonly engine: ChargingEngine;
  readonly catalog: Catalog;
  readonly store: AnomalyStore;
}

export function isReasonCode(code: string): code is ReasonCode {
  return (REASON_CODES as readonly string[]).includes(code);
}

/**
 * The detectors compare networks with one home country. A catalog with several domestic MCCs
 * (the United States' 310–316) is watched from its first; the others then count as foreign.
 */
export function homeMccOf(catalog: Catalog): string {
  const mcc = catalog.home.domesticMccs[0];
  if (mcc === undefined) throw new Error(`catalog ${catalog.id} has no domestic MCC`);
  return mcc;
}

export function lineIdentities(engine: ChargingEngine): LineIdentity[] {
  return [...engine.lines.all()].map((l) => ({
    lineId: l.record.lineId,
    accountId: l.record.accountId,
    planId: l.record.planId,
    activatedAt: l.record.activatedAt,
  }));
}

/** Stored decisions as the detectors take them; codes no detector emits are kept but match nothing. */
export function dismissalsOf(rows: readonly DismissalRow[]): Dismissal[] {
  return rows.flatMap((r) => (isReasonCode(r.code) ? [{ lineId: r.lineId, code: r.code, reason: r.reason }] : []));
}

/** Every line's input for `period`, from the journal as of `upToSeq` (everything when omitted). */
export async function loadInputs(deps: AnomalyDeps, period: Period, upToSeq?: number): Promise<LineInput[]> {
  const calendar = deps.engine.calendar;
  const history = historyMonths(period, HISTORY_MONTHS);
  const fromMs = calendar.startOf((history[0] ?? period) as Period);
  const slots = await deps.store.usageSlots({ fromMs, toMs: calendar.endOf(period), ...(upToSeq === undefined ? {} : { upToSeq }) });
  return lineInputs({ period, history, homeMcc: homeMccOf(deps.catalog), calendar, lines: lineIdentities(deps.engine), slots });
}

export async function scanPeriod(deps: AnomalyDeps, period: Period, locale: Locale): Promise<DetectReport> {
  const [lines, rows] = await Promise.all([loadInputs(deps, period), deps.store.listDismissals()]);
  return detectAnomalies({ lines, dismissals: dismissalsOf(rows), locale });
}
