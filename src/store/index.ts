export type * from "./ports.ts";
export { openSqliteStore } from "./sqlite/index.ts";
