export { syHandlers } from "./handlers.ts";
export type { SyNotifier } from "./notify.ts";
export { startSyNotifier } from "./notify.ts";
export type { SySubscription } from "./subscriptions.ts";
export { SubscriptionTable } from "./subscriptions.ts";
