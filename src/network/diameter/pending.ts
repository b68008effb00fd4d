// Requests sent and not yet answered, keyed by Hop-by-Hop identifier.
import type { RequestError } from "./peer-types.ts";
import { type DiameterMessage, err, ok, type Result } from "./types.ts";

type Outcome = Result<DiameterMessage, RequestError>;

interface Entry {
  readonly settle: (outcome: Outcome) => void;
  readonly timer: NodeJS.Timeout;
}

export class PendingRequests {
  private readonly entries = new Map<number, Entry>();

  get size(): number {
    return this.entries.size;
  }

  wait(hopByHopId: number, timeoutMs: number): Promise<Outcome> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.entries.delete(hopByHopId);
        resolve(err({ code: "timeout", message: `no answer within ${timeoutMs} ms` }));
      }, timeoutMs);
      timer.unref();
      this.entries.set(hopByHopId, { settle: resolve, timer });
    });
  }

  /** False when nobody waits for it: a late or foreign answer, discarded (RFC 6733 §6.2). */
  answer(message: DiameterMessage): boolean {
    const entry = this.entries.get(message.hopByHopId);
    if (entry === undefined) return false;
    this.entries.delete(message.hopByHopId);
    clearTimeout(entry.timer);
    entry.settle(ok(message));
    return true;
  }

  /** Settles one request with an error, e.g. when its answer arrived malformed. */
  fail(hopByHopId: number, error: RequestError): boolean {
    const entry = this.entries.get(hopByHopId);
    if (entry === undefined) return false;
    this.entries.delete(hopByHopId);
    clearTimeout(entry.timer);
    entry.settle(err(error));
    return true;
  }

  failAll(error: RequestError): void {
    for (const entry of this.entries.values()) {
      clearTimeout(entry.timer);
      entry.settle(err(error));
    }
    this.entries.clear();
  }
}
