/** Policy servers' Sy subscriptions: which line, which counters, and what was last reported. */
export interface SySubscription {
  readonly sessionId: string;
  readonly lineId: string;
  readonly peerHost: string;
  readonly peerRealm: string;
  /** Counters subscribed to; empty means every counter of the line. */
  counters: readonly string[];
  /** Status last reported per counter: an SNR goes out only on a change. */
  readonly reported: Map<string, string>;
}

export class SubscriptionTable {
  private readonly byId = new Map<string, SySubscription>();
  private readonly byLine = new Map<string, Set<SySubscription>>();

  get(sessionId: string): SySubscription | undefined {
    return this.byId.get(sessionId);
  }

  put(s: SySubscription): void {
    this.remove(s.sessionId);
    this.byId.set(s.sessionId, s);
    let set = this.byLine.get(s.lineId);
    if (!set) {
      set = new Set();
      this.byLine.set(s.lineId, set);
    }
    set.add(s);
  }

  remove(sessionId: string): boolean {
    const s = this.byId.get(sessionId);
    if (!s) return false;
    this.byId.delete(sessionId);
    const set = this.byLine.get(s.lineId);
    set?.delete(s);
    if (set?.size === 0) this.byLine.delete(s.lineId);
    return true;
  }

  ofLine(lineId: string): readonly SySubscription[] {
    return [...(this.byLine.get(lineId) ?? [])];
  }

  get size(): number {
    return this.byId.size;
  }
}
