// Device watchdog (RFC 6733 §5.5, RFC 3539): after an interval without any traffic from the
// peer we send a DWR; if a further interval passes still without traffic, the peer is dead.
// Any received message counts as traffic, so a busy connection never sends DWRs.

export class Watchdog {
  private timer: NodeJS.Timeout | undefined;
  private lastActivity = 0;
  private awaitingAnswer = false;

  constructor(
    private readonly intervalMs: number,
    private readonly sendProbe: () => void,
    private readonly expire: () => void,
  ) {}

  start(): void {
    this.activity();
    this.arm(this.intervalMs);
  }

  /** Cheap on purpose (one clock read): called for every received message. */
  activity(): void {
    this.lastActivity = performance.now();
    this.awaitingAnswer = false;
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(delayMs: number): void {
    this.timer = setTimeout(() => this.tick(), Math.max(1, delayMs));
    this.timer.unref();
  }

  private tick(): void {
    const idle = performance.now() - this.lastActivity;
    if (idle < this.intervalMs) {
      this.arm(this.intervalMs - idle);
      return;
    }
    if (this.awaitingAnswer) {
      this.timer = undefined;
      this.expire();
      return;
    }
    this.awaitingAnswer = true;
    this.sendProbe();
    this.arm(this.intervalMs);
  }
}
