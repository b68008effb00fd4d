// Tests that need PostgreSQL or NATS JetStream talk to the local servers that
// scripts/services.sh starts. Without one, they skip with the reason shown; under CI=true a
// missing server is a broken environment and fails the run instead.
import { randomBytes } from "node:crypto";
import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import pg from "pg";

export const PG_URL = process.env.GARDEFOU_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
export const NATS_URL = process.env.GARDEFOU_TEST_NATS ?? "nats://127.0.0.1:4222";

function unavailable(reason: string): string {
  if (process.env.CI === "true") throw new Error(`${reason} (CI=true: required; run scripts/services.sh)`);
  return reason;
}

/** `false` when PostgreSQL answers at PG_URL, else the reason to skip. */
export async function postgresSkip(): Promise<false | string> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return false;
  } catch (error) {
    return unavailable(`no PostgreSQL at ${PG_URL} (${(error as Error).message || "refused"}); start it with scripts/services.sh`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `false` when a NATS server with JetStream answers at NATS_URL, else the reason to skip. */
export async function natsSkip(): Promise<false | string> {
  try {
    const nc = await connect({ servers: NATS_URL, timeout: 2000, reconnect: false });
    try {
      await (await jetstreamManager(nc)).getAccountInfo();
      return false;
    } finally {
      await nc.close();
    }
  } catch (error) {
    return unavailable(`no NATS JetStream at ${NATS_URL} (${(error as Error).message}); start it with scripts/services.sh`);
  }
}

/** A schema of its own for one test (or one run), dropped by `drop`. */
export function freshSchema(prefix = "gf_test"): { readonly schema: string; readonly url: string; drop(): Promise<void> } {
  const schema = `${prefix}_${randomBytes(6).toString("hex")}`;
  const url = `${PG_URL}${PG_URL.includes("?") ? "&" : "?"}schema=${schema}`;
  return {
    schema,
    url,
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

/** A stream, subject prefix and durable prefix of their own for one test, deleted by `drop`. */
export function freshStream(): { readonly stream: string; readonly subjectPrefix: string; readonly durablePrefix: string; drop(): Promise<void> } {
  const id = randomBytes(4).toString("hex");
  const stream = `T_${id}`;
  return {
    stream,
    subjectPrefix: `t${id}.usage`,
    durablePrefix: `d${id}`,
    drop: async () => {
      const nc = await connect({ servers: NATS_URL, timeout: 2000 });
      try {
        await (await jetstreamManager(nc)).streams.delete(stream);
      } catch {
        // never created
      } finally {
        await nc.close();
      }
    },
  };
}
