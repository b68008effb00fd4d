import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";

export type DbKind = "sqlite" | "postgres";

export const PG_URL = process.env.GARDEFOU_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";

/** A store of its own for one run: a SQLite file in `dir`, or a fresh PostgreSQL schema. */
export interface ScratchStore {
  readonly db: string;
  drop(): Promise<void>;
}

export function scratchStore(kind: DbKind, dir: string, name: string): ScratchStore {
  if (kind === "sqlite") {
    const db = join(dir, `${name}.db`);
    return {
      db,
      drop: async () => {
        for (const suffix of ["", "-wal", "-shm"]) rmSync(`${db}${suffix}`, { force: true });
      },
    };
  }
  const schema = `gf_crash_${randomBytes(5).toString("hex")}`;
  return {
    db: `${PG_URL}${PG_URL.includes("?") ? "&" : "?"}schema=${schema}`,
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Waits until PostgreSQL answers again (after a restart), up to `ms`. */
export async function waitForPostgres(ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      if (Date.now() > until) throw new Error(`PostgreSQL did not come back within ${ms} ms: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 250));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
