/** Abnormal-consumption detection: pure, synchronous, no I/O. The public surface of `anomaly/`. */
export type { IsoDate, MonthId, Weekday } from "./calendar.ts";
export {
  addDays,
  daysInMonth,
  firstDayOf,
  lastDayOf,
  monthDays,
  previousMonth,
} from "./calendar.ts";
export type { LineContext } from "./context.ts";
export { type DetectInput, type DetectReport, detectAnomalies } from "./detect.ts";
export { decimalEur, formatMoney } from "./format.ts";
export {
  type DayObservation,
  findingOf,
  type LineTracker,
  observeDay,
  type ReportOptions,
  trackLine,
} from "./incremental.ts";
export { type InterchangeFinding, type InterchangeReason, toInterchange } from "./interchange.ts";
export type { LineState } from "./line-state.ts";
export { DEFAULT_OPTIONS, type DetectionOptions } from "./options.ts";
export {
  computePeerStats,
  type PeerSample,
  type PeerStats,
  type Percentiles,
  peerSamples,
  peerStatsFromSamples,
} from "./peers.ts";
export type { Problem, ProblemCode, Result } from "./problems.ts";
export { rank } from "./rank.ts";
export {
  type Dismissal,
  type LineFinding,
  type Locale,
  REASON_CODES,
  type Reason,
  type ReasonCode,
  type Suppression,
} from "./reasons.ts";
export type {
  Activity,
  DailyUsage,
  LineInput,
  Mcc,
  MonthSeries,
  NetworkOctets,
  Plmn,
  Zone,
} from "./types.ts";
export type { Micros, Octets } from "./units.ts";
export { validateLine } from "./validate.ts";
