import type { OutboxEntry } from "../../store/index.ts";
import { type DeliverDeps, deliver, type Outcome } from "./deliver.ts";
import { DEFAULT_DISPATCHER_OPTIONS, type DispatcherOptions } from "./options.ts";
import { LineRateLimit } from "./rate-limit.ts";

export type DispatchReport = { readonly claimed: number } & Readonly<Record<Outcome, number>>;

export interface DispatcherEvent {
  readonly code: string;
  readonly message: string;
}

/**
 * Sends outbox rows after their commit. It is woken by the engine's `committed` event (rows
 * exist only once committed, so nothing can be sent for usage that was not stored) and by a
 * periodic sweep for retries and deferred rows. A line's notices go in order; lines go in
 * parallel up to `concurrency`.
 */
export class NoticeDispatcher {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private passes: Promise<unknown> = Promise.resolve();
  private expiredUnlogged = 0;
  private expiredLoggedAt = Number.NEGATIVE_INFINITY;
  private readonly deps: DeliverDeps;
  readonly options: DispatcherOptions;

  constructor(
    deps: Omit<DeliverDeps, "limiter" | "options"> & { options?: Partial<DispatcherOptions> },
    private readonly onEvent: (e: DispatcherEvent) => void = () => {},
  ) {
    this.options = { ...DEFAULT_DISPATCHER_OPTIONS, ...deps.options };
    this.deps = { ...deps, options: this.options, limiter: new LineRateLimit(this.options.perLine.max, this.options.perLine.windowMs) };
  }

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => this.wake(), this.options.sweepMs);
    this.timer.unref();
    this.wake();
  }

  /** Asks for a pass soon; passes never overlap, a wake during one makes another follow it. */
  wake(): void {
    if (this.stopped) return;
    this.again = true;
    this.running ??= this.loop();
  }

  /** Resolves once a pass finds nothing due (tests, benchmarks, a clean shutdown). */
  async idle(): Promise<void> {
    while ((await this.runOnce()).claimed > 0);
  }

  /** Stops claiming and waits for the sends in flight, so that nothing is left half-settled. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    this.logExpired(true);
  }

  /** A backlog of stale notices (a store restored from backup) is one log line a minute, not one a pass. */
  private logExpired(now: boolean): void {
    const at = this.deps.now();
    if (this.expiredUnlogged === 0 || (!now && at - this.expiredLoggedAt < 60_000)) return;
    this.onEvent({ code: "notices_expired", message: `${this.expiredUnlogged} stale notice(s) expired instead of being sent` });
    this.expiredUnlogged = 0;
    this.expiredLoggedAt = at;
  }

  /**
   * One pass: claim what is due, send it, settle it. Passes run one at a time, so that two
   * passes never send the same line's notices side by side and out of order.
   */
  runOnce(): Promise<DispatchReport> {
    const pass = this.passes.then(() => this.pass());
    this.passes = pass.catch(() => undefined);
    return pass;
  }

  private async pass(): Promise<DispatchReport> {
    const now = this.deps.now();
    const rows = await this.deps.outbox.claimDue(new Date(now).toISOString(), new Date(now + this.options.claimMs).toISOString(), this.options.batchSize);
    const report = { claimed: rows.length, sent: 0, retry: 0, deferred: 0, dead: 0, expired: 0 };
    const byLine = new Map<string, OutboxEntry[]>();
    for (const row of rows) byLine.set(row.lineId, [...(byLine.get(row.lineId) ?? []), row]);
    const queues = [...byLine.values()];
    const worker = async () => {
      for (let queue = queues.shift(); queue; queue = queues.shift()) {
        for (const row of queue) {
          const settled = await deliver(row, this.deps);
          report[settled.status]++;
          if (settled.status === "dead") this.onEvent({ code: "notice_dead", message: `notice ${row.id} (${row.key}) is dead: ${settled.error}` });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, queues.length) }, worker));
    this.expiredUnlogged += report.expired;
    this.logExpired(false);
    return report;
  }

  private async loop(): Promise<void> {
    try {
      while (this.again && !this.stopped) {
        this.again = false;
        const report = await this.runOnce();
        if (report.claimed >= this.options.batchSize) this.again = true;
      }
    } catch (e) {
      // A store error: the claimed rows' claims lapse and the next sweep takes them again.
      this.onEvent({ code: "dispatcher_failed", message: e instanceof Error ? e.message : String(e) });
    } finally {
      this.running = undefined;
    }
  }
}
