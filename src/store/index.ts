export * from "./anomaly-ports.ts";
export * from "./auth-ports.ts";
export type * from "./online-ports.ts";
export * from "./outbox-ports.ts";
export type * from "./ports.ts";
export { isConnectionFailure, isPostgresUrl, openPostgresStore, PostgresOutbox, PostgresStore, StoreUnavailableError } from "./postgres/index.ts";
export type * from "./review-ports.ts";
export type * from "./series-ports.ts";
export { anomalyStoreOf, openSqliteStore, SqliteAnomalyStore, SqliteOutbox } from "./sqlite/index.ts";
