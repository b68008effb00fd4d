import { isPostgresUrl, type OutboxStore, openPostgresStore, openSqliteStore, PostgresOutbox, SqliteOutbox, type Store } from "../store/index.ts";
import { UserError } from "./errors.ts";

export interface OpenedStore {
  readonly store: Store;
  readonly outbox: OutboxStore;
}

/**
 * Chooses the store by its location, for every command alike: a `postgres://` (or
 * `postgresql://`) URL is the production store, anything else a SQLite file. A server that
 * cannot be reached is a coded user error at start, never a half-open app.
 */
export async function openStore(location: string, options: { synchronous: "FULL" | "NORMAL" }): Promise<OpenedStore> {
  if (isPostgresUrl(location)) {
    const opened = await openPostgresStore(location);
    if (!opened.ok) throw new UserError(opened.code, opened.message);
    return { store: opened.store, outbox: new PostgresOutbox(opened.store.pool) };
  }
  const store = openSqliteStore(location, { synchronous: options.synchronous });
  return { store, outbox: new SqliteOutbox(store.db) };
}
