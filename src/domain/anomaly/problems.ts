/** Input problems are values with stable codes; a line with any of them is skipped, not guessed. */
import type { IsoDate } from "./calendar.ts";

export type ProblemCode =
  | "bad_period"
  | "bad_home_mcc"
  | "bad_activation_date"
  | "bad_date"
  | "weekday_mismatch"
  | "day_outside_month"
  | "day_out_of_order"
  | "bad_octets"
  | "zone_sum_mismatch"
  | "network_sum_mismatch"
  | "bad_plmn"
  | "bad_spend"
  | "bad_activity"
  | "history_not_before_period";

export interface Problem {
  readonly code: ProblemCode;
  readonly lineId: string;
  readonly date?: IsoDate;
  readonly message: string;
}

export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });
