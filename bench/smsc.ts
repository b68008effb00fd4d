// The Perl SMSC sink of test/peers/notify, read lean: the benchmark times each submit_sm's
// arrival, so it parses only those lines and wakes only the waiter of that number.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";

const SINK = new URL("../test/peers/notify/smsc-sink.pl", import.meta.url).pathname;

interface Submit {
  readonly destination_addr: string;
  readonly udh: { readonly seq: number; readonly total: number } | null;
}

export class BenchSmsc {
  /** Complete messages received (last part seen), per destination. */
  private readonly waiters = new Map<string, (at: number) => void>();
  submits = 0;
  messages = 0;
  private allWaiter: { count: number; resolve: (at: number) => void } | undefined;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static available(): boolean {
    return spawnSync("perl", ["-MNet::SMPP", "-MJSON::PP", "-MEncode::GSM0338", "-e1"], { stdio: "ignore" }).status === 0;
  }

  static start(): Promise<BenchSmsc> {
    const child = spawn("perl", [SINK, "0", "--password=secret"], { stdio: ["ignore", "pipe", "inherit"] });
    return new Promise((resolve, reject) => {
      let sink: BenchSmsc | undefined;
      child.once("exit", (code) => reject(new Error(`the SMSC sink exited (${code})`)));
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
        if (!sink) {
          const e = JSON.parse(line) as { event: string; port?: number };
          if (e.event === "listening") {
            sink = new BenchSmsc(child, Number(e.port));
            resolve(sink);
          }
          return;
        }
        if (line.includes('"event":"submit_sm"')) sink.onSubmit(JSON.parse(line) as Submit, performance.now());
      });
    });
  }

  /** Resolves with the instant the whole message for `msisdn` has arrived. */
  next(msisdn: string): Promise<number> {
    return new Promise((resolve) => this.waiters.set(msisdn, resolve));
  }

  /** Resolves with the instant the `count`-th complete message (since start) arrives. */
  messagesReach(count: number): Promise<number> {
    return new Promise((resolve) => {
      if (this.messages >= count) resolve(performance.now());
      else this.allWaiter = { count, resolve };
    });
  }

  stop(): void {
    this.child.removeAllListeners("exit");
    this.child.kill("SIGTERM");
  }

  private onSubmit(s: Submit, at: number): void {
    this.submits++;
    if (s.udh && s.udh.seq !== s.udh.total) return;
    this.messages++;
    const waiter = this.waiters.get(s.destination_addr);
    if (waiter) {
      this.waiters.delete(s.destination_addr);
      waiter(at);
    }
    if (this.allWaiter && this.messages >= this.allWaiter.count) {
      this.allWaiter.resolve(at);
      this.allWaiter = undefined;
    }
  }
}
