import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { storeContract } from "../contract.ts";
import { SqliteAnomalyStore } from "./anomaly.ts";
import { SqliteOutbox } from "./outbox.ts";
import { openSqliteStore } from "./store.ts";

storeContract("sqlite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "gardefou-contract-"));
  const store = openSqliteStore(join(dir, "contract.db"), { synchronous: "NORMAL" });
  return {
    store,
    outbox: new SqliteOutbox(store.db),
    anomaly: new SqliteAnomalyStore(store.db),
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
