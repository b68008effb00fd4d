import Database from "better-sqlite3";
import pg from "pg";

/** Read-only SQL on the store under test, the same queries on both stores. */
export interface Sql {
  rows<T extends Record<string, unknown>>(query: string): Promise<T[]>;
  close(): Promise<void>;
}

export function isPostgres(db: string): boolean {
  return /^postgres(ql)?:\/\//.test(db);
}

export async function openSql(db: string): Promise<Sql> {
  if (!isPostgres(db)) {
    // Read-only: the checker must never repair what it inspects.
    const handle = new Database(db, { readonly: true, fileMustExist: true });
    return {
      rows: async <T>(query: string) => handle.prepare(query).all() as T[],
      close: async () => {
        handle.close();
      },
    };
  }
  const url = new URL(db);
  const schema = url.searchParams.get("schema") ?? "public";
  url.searchParams.delete("schema");
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`SET search_path TO ${schema}`);
  return {
    rows: async <T extends Record<string, unknown>>(query: string) => (await client.query<T>(query)).rows,
    close: () => client.end(),
  };
}

/** `pg` returns BIGINT and SUM() as strings: every number read goes through here. */
export function num(value: unknown): number {
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer: ${String(value)}`);
  return n;
}
