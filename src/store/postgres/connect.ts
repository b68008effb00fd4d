import type pg from "pg";
import { MIGRATIONS } from "./migrations/index.ts";
import { RETRY_ENV, retryBudgetMs } from "./retry.ts";

export type PostgresOpenError = {
  readonly ok: false;
  readonly code: "invalid_store_url" | "invalid_store_option" | "store_unreachable" | "store_migration_failed";
  readonly message: string;
};

export interface PostgresOptions {
  /** The schema the tables live in (created when missing); also `?schema=` in the URL. Default `public`. */
  readonly schema?: string | undefined;
  /** Connections: one writes the journal, the others serve reads (API, CLI). */
  readonly poolSize?: number | undefined;
  readonly connectTimeoutMs?: number | undefined;
  /**
   * How long a commit (or a journal lookup) keeps retrying after the connection was lost before it
   * fails with `store_unavailable`. Default: `GARDEFOU_PG_RETRY_SECONDS`, else 30 s.
   */
  readonly retryBudgetMs?: number | undefined;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A `postgres://` or `postgresql://` URL: what the composition root recognises as this store. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Reads the URL and our own `schema` parameter (pg does not know it) into a pool configuration. */
export function poolConfig(
  url: string,
  options: PostgresOptions,
): { ok: true; config: pg.PoolConfig; schema: string; retryBudgetMs: number } | PostgresOpenError {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, code: "invalid_store_url", message: `${redact(url)} is not a URL` };
  }
  if (!isPostgresUrl(url)) return { ok: false, code: "invalid_store_url", message: `${redact(url)} is not a postgres:// URL` };
  const schema = options.schema ?? parsed.searchParams.get("schema") ?? "public";
  parsed.searchParams.delete("schema");
  if (!SCHEMA_NAME.test(schema)) return { ok: false, code: "invalid_store_url", message: `schema "${schema}" must be a lower-case SQL identifier` };
  const budget = retryBudgetMs(options.retryBudgetMs);
  if (budget === undefined) {
    const given = options.retryBudgetMs === undefined ? `${RETRY_ENV}="${process.env[RETRY_ENV]}"` : `retryBudgetMs ${options.retryBudgetMs}`;
    return { ok: false, code: "invalid_store_option", message: `the retry budget must be a number of seconds ≥ 0, not ${given}` };
  }
  return {
    ok: true,
    schema,
    retryBudgetMs: budget,
    config: {
      connectionString: parsed.toString(),
      max: options.poolSize ?? 4,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      // Every connection of the pool resolves table names in the store's schema.
      options: `-c search_path=${schema}`,
      application_name: "gardefou",
    },
  };
}

/** Creates the schema when needed and applies the missing migrations, one transaction each. */
export async function migrate(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
    for (const m of MIGRATIONS) {
      await client.query("BEGIN");
      try {
        // Two engines starting together: the second waits, then sees the migration applied.
        await client.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.migrations'))");
        const done = await client.query("SELECT 1 FROM schema_migrations WHERE name = $1", [m.name]);
        if (done.rowCount === 0) {
          await client.query(m.sql);
          await client.query("INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)", [m.name, new Date().toISOString()]);
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`${m.name}: ${(error as Error).message}`);
      }
    }
  } finally {
    client.release();
  }
}

export class MigrationError extends Error {}

/** Runs `work` in one transaction on one connection; any failure rolls everything back. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((e: Error) => {
      // A connection that cannot roll back is not given back to the pool.
      broken = e;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@]*@/, "$1***@");
}
