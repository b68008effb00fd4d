export type { SqliteOptions } from "./store.ts";
export { openSqliteStore, SqliteStore } from "./store.ts";
