import type { Service } from "../domain/index.ts";
import type { RejectRow } from "../store/index.ts";

/** A usage record as an ingest adapter validated it; the line is not resolved yet. */
export interface UsageInput {
  readonly recordId: string;
  readonly lineId: string | undefined;
  readonly imsi: string | undefined;
  readonly msisdn: string | undefined;
  readonly service: Service;
  readonly startedMs: number;
  readonly durationS: number;
  readonly bytesUp: number;
  readonly bytesDown: number;
  readonly servingPlmn: string;
  readonly ratingGroup: number | undefined;
  readonly sessionId: string | undefined;
  /** Where it came from, kept with a reject: 1-based line of the file or stream position. */
  readonly lineNo: number;
  readonly raw: string;
}

/** What the engine did with each record of a submission. */
export type RecordOutcome = "accepted" | "duplicate" | "rejected";

export interface SubmitResult {
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly rejects: readonly RejectRow[];
  readonly outcomes: readonly RecordOutcome[];
}

/** Stable codes of records the engine refuses (ingest adds its own format codes). */
export type EngineRejectCode = "unknown_line" | "line_mismatch" | "unknown_serving_network" | "rating_failed" | "record_id_conflict" | "wrong_partition";

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
