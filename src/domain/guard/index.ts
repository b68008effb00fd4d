export type { EffectiveCap, LineCapChoices } from "./caps.ts";
export { capApplies, effectiveCaps } from "./caps.ts";
export type { Decision, GuardContext, UsageFacts } from "./decide.ts";
export { applyDecision, decide } from "./decide.ts";
export { isThrottled, policyStatus } from "./fair-use.ts";
export type { NoticeIntent, NoticeKind } from "./notices.ts";
export { clampSpend } from "./spend-block.ts";
export { reached } from "./thresholds.ts";
export { clampVolume } from "./volume-block.ts";
