export type { CloseOptions, CloseResult } from "./close-period.ts";
export { closePeriod } from "./close-period.ts";
export { LineDirectory } from "./directory.ts";
export type { ConsentResult, EngineEvents, EngineOptions } from "./engine.ts";
export { ChargingEngine } from "./engine.ts";
export { LineState } from "./line-state.ts";
export { openEngine } from "./open.ts";
export type { Clock, EngineRejectCode, RecordOutcome, SubmitResult, UsageInput } from "./types.ts";
export { systemClock } from "./types.ts";
