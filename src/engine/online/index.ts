export type { LinePolicy, PolicyCounterStatus } from "./policy.ts";
export { linePolicy } from "./policy.ts";
export type { OnlineEvents, ReauthTarget } from "./service.ts";
export { OnlineCharging } from "./service.ts";
export type { OnlineSession } from "./sessions.ts";
export type { ChargeOutcome, OnlineStep, OnlineStepContext } from "./step.ts";
export * from "./types.ts";
