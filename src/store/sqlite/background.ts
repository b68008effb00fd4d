import { Worker } from "node:worker_threads";
import type { JournalBatch } from "../ports.ts";

type Reply = { id: number; ok: true } | { id: number; ok: false; message: string };

/**
 * Commits journal batches on a worker thread with its own SQLite connection, so that parsing
 * and rating the next batch overlap with writing this one (two cores instead of one). Batches
 * are written strictly in the order they are handed over; each promise settles after its
 * transaction committed. Readers on the main connection see a batch once it is committed (WAL).
 */
export class BackgroundWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private broken: Error | undefined;

  constructor(file: string, synchronous: "FULL" | "NORMAL") {
    this.worker = spawnWriter({ file, synchronous });
    this.worker.on("message", (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiter.resolve();
      else waiter.reject(new Error(reply.message));
    });
    const fail = (error: Error) => {
      this.broken = error;
      for (const w of this.pending.values()) w.reject(error);
      this.pending.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => {
      if (this.pending.size > 0) fail(new Error(`journal writer stopped (exit ${code}) with batches pending`));
    });
    // A writer with nothing to do must not keep the process alive.
    this.worker.unref();
  }

  write(batch: JournalBatch): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, batch });
    }).finally(() => {
      if (this.pending.size === 0) this.worker.unref();
    });
  }

  /** Stops the thread once every batch handed over has been answered. */
  async close(): Promise<void> {
    while (this.pending.size > 0) await new Promise((r) => setTimeout(r, 5));
    await this.worker.terminate();
  }
}

/**
 * The shipped build runs the compiled worker (.js). From the sources (tests, development under
 * tsx) the worker is TypeScript, and a worker thread does not inherit tsx's loader: register it
 * first, then load the worker module.
 */
function spawnWriter(workerData: { file: string; synchronous: string }): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./writer-worker.js", import.meta.url), { workerData });
  const source = new URL("./writer-worker.ts", import.meta.url).href;
  const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
