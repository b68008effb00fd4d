export { anomalyStoreOf, SqliteAnomalyStore } from "./anomaly.ts";
export { SqliteOutbox } from "./outbox.ts";
export type { SqliteOptions } from "./store.ts";
export { openSqliteStore, SqliteStore } from "./store.ts";
