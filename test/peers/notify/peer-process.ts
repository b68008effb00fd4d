// Runs a test peer (the Perl SMSC sink, the aiosmtpd sink) as a child process that reports
// what it saw as JSON lines on stdout, and lets a test wait for a given line.

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createInterface } from "node:readline";

export type PeerEvent = Record<string, unknown> & { event: string };

export type Availability = { available: true } | { available: false; reason: string };

/**
 * Missing tools skip the tests that need them, with the reason shown, on a developer's machine;
 * under CI=true they must fail instead, so that a broken CI image cannot pass silently.
 */
export function skipUnless(availability: Availability): false | string {
  if (availability.available || process.env.CI === "true") return false;
  return availability.reason;
}

export function requireAvailable(availability: Availability): void {
  if (!availability.available) throw new Error(`test peer unavailable: ${availability.reason}`);
}

export function probe(command: string, args: string[], reason: string): Availability {
  const result = spawnSync(command, args, { stdio: "ignore", timeout: 10_000 });
  return result.status === 0 ? { available: true } : { available: false, reason };
}

export class PeerProcess {
  readonly events: PeerEvent[] = [];
  readonly stderr: string[] = [];
  private readonly listeners = new Set<() => void>();
  private exited = false;

  private constructor(private readonly child: ChildProcess) {
    if (child.stdout === null || child.stderr === null) throw new Error("peer without pipes");
    createInterface({ input: child.stdout }).on("line", (line) => {
      try {
        this.events.push(JSON.parse(line) as PeerEvent);
      } catch {
        this.stderr.push(`(stdout) ${line}`);
      }
      for (const l of this.listeners) l();
    });
    createInterface({ input: child.stderr }).on("line", (line) => this.stderr.push(line));
    child.on("error", (err) => {
      this.stderr.push(`cannot run the peer: ${err.message}`);
      this.exited = true;
      for (const l of this.listeners) l();
    });
    child.on("exit", () => {
      this.exited = true;
      for (const l of this.listeners) l();
    });
  }

  static async start(command: string, args: string[]): Promise<{ peer: PeerProcess; port: number }> {
    const peer = new PeerProcess(spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] }));
    const listening = await peer.waitFor((e) => e.event === "listening", 15_000);
    return { peer, port: Number(listening.port) };
  }

  count(predicate: (e: PeerEvent) => boolean): number {
    return this.events.filter(predicate).length;
  }

  /** The first event (already seen or to come) that satisfies the predicate. */
  waitFor(predicate: (e: PeerEvent) => boolean, timeoutMs = 5_000): Promise<PeerEvent> {
    return this.waitForNth(predicate, 1, timeoutMs);
  }

  waitForNth(predicate: (e: PeerEvent) => boolean, n: number, timeoutMs = 5_000): Promise<PeerEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.events.filter(predicate)[n - 1];
        if (found !== undefined) {
          done();
          resolve(found);
        } else if (this.exited) {
          done();
          reject(new Error(`peer exited before the awaited event; stderr: ${this.stderr.join("\n")}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no such peer event within ${timeoutMs} ms; stderr: ${this.stderr.join("\n")}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  signal(name: NodeJS.Signals): void {
    this.child.kill(name);
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 3_000);
    await exited;
    clearTimeout(timer);
  }
}
