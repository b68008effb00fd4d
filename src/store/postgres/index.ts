export type { PostgresOpenError, PostgresOptions } from "./connect.ts";
export { isPostgresUrl, redact } from "./connect.ts";
export { PostgresOutbox } from "./outbox.ts";
export { isConnectionFailure, StoreUnavailableError } from "./retry.ts";
export { openPostgresStore, PostgresStore } from "./store.ts";
