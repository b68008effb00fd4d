// Public surface of the outbox dispatcher.
export type { DeliverDeps } from "./deliver.ts";
export type { DispatcherEvent, DispatchReport } from "./dispatcher.ts";
export { NoticeDispatcher } from "./dispatcher.ts";
export type { DispatcherOptions } from "./options.ts";
export { DEFAULT_DISPATCHER_OPTIONS } from "./options.ts";
export type { QuietHours } from "./quiet-hours.ts";
export { parseQuietHours, quietUntil } from "./quiet-hours.ts";
export type { ChannelSet, Route, RouteName } from "./routes.ts";
