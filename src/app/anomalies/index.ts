export type { AnomalyDeskDeps, DismissalView, FindingsReport } from "./desk.ts";
export { AnomalyDesk } from "./desk.ts";
