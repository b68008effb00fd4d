/** The journal writer thread (see background.ts): one connection, one transaction per batch. */
import { parentPort, workerData } from "node:worker_threads";
import type { JournalBatch } from "../ports.ts";
import { openSqliteStore } from "./store.ts";

const { file, synchronous } = workerData as { file: string; synchronous: "FULL" | "NORMAL" };
const store = openSqliteStore(file, { synchronous });

parentPort?.on("message", (message: { id: number; batch: JournalBatch }) => {
  try {
    store.writeNow(message.batch);
    parentPort?.postMessage({ id: message.id, ok: true });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, ok: false, message: (error as Error).message });
  }
});
