import { freshSchema, postgresSkip } from "../../../test/helpers/servers.ts";
import { storeContract } from "../contract.ts";
import { PostgresOutbox } from "./outbox.ts";
import { openPostgresStore } from "./store.ts";

// Each case gets a schema of its own on the local server, dropped when it ends.
storeContract(
  "postgres",
  async () => {
    const schema = freshSchema();
    const opened = await openPostgresStore(schema.url, { poolSize: 2 });
    if (!opened.ok) throw new Error(`${opened.code}: ${opened.message}`);
    return {
      store: opened.store,
      outbox: new PostgresOutbox(opened.store.pool),
      anomaly: opened.store.anomaly,
      dispose: async () => {
        await opened.store.close();
        await schema.drop();
      },
    };
  },
  { skip: await postgresSkip() },
);
