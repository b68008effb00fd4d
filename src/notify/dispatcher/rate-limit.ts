/**
 * At most `max` notices per line in any `windowMs`: a line whose usage crosses many thresholds
 * at once (a month of roaming records imported in one file) is told in a few messages, not a
 * flood. Kept in memory: after a restart a line may get up to `max` more, never fewer than due.
 */
export class LineRateLimit {
  private readonly sent = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** The earliest instant a notice may go to the line: `nowMs` when it may go now. */
  nextSlot(lineId: string, nowMs: number): number {
    const times = this.recent(lineId, nowMs);
    if (times.length < this.max) return nowMs;
    return (times[times.length - this.max] as number) + this.windowMs;
  }

  record(lineId: string, nowMs: number): void {
    const times = this.recent(lineId, nowMs);
    times.push(nowMs);
    this.sent.set(lineId, times);
    if (this.sent.size > 10_000) this.prune(nowMs);
  }

  private recent(lineId: string, nowMs: number): number[] {
    return (this.sent.get(lineId) ?? []).filter((t) => t > nowMs - this.windowMs);
  }

  private prune(nowMs: number): void {
    for (const [line, times] of this.sent) {
      const kept = times.filter((t) => t > nowMs - this.windowMs);
      if (kept.length === 0) this.sent.delete(line);
      else this.sent.set(line, kept);
    }
  }
}
