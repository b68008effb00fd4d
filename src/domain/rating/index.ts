export { consumeAllowance, findAllowance } from "./allowance.ts";
export { PeriodCounters, slotOf } from "./counters.ts";
export { findTariff, perUnit } from "./per-unit.ts";
export type { Rated, RatingFailure, RatingInput } from "./rate.ts";
export { rate } from "./rate.ts";
