// SNR: when a committed batch changes the fair-use status of a subscribed line, the policy
// server is told at once (it then throttles), instead of waiting for its next SLR.
import { type ChargingEngine, type Clock, linePolicy } from "../../engine/index.ts";
import type { JournalBatch } from "../../store/index.ts";
import { ApplicationId, avp, BaseAvps as Base, CommandCode, type Peer } from "../diameter/index.ts";
import { statusReports, subscribedStatuses } from "./reports.ts";
import type { SubscriptionTable, SySubscription } from "./subscriptions.ts";

export interface SyNotifier {
  readonly stop: () => void;
  /** SNRs in flight, so that a test or a shutdown can wait for them. */
  readonly idle: () => Promise<void>;
}

export function startSyNotifier(engine: ChargingEngine, clock: Clock, table: SubscriptionTable, peers: () => readonly Peer[]): SyNotifier {
  const pending = new Set<Promise<unknown>>();
  const send = (sub: SySubscription, statuses: { id: string; status: string }[]): void => {
    const peer = peers().find((p) => p.remote?.originHost === sub.peerHost);
    if (!peer) return;
    const sent = peer.request({
      applicationId: ApplicationId.sy,
      commandCode: CommandCode.spendingStatusNotification,
      avps: [
        avp(Base.SessionId, sub.sessionId),
        avp(Base.AuthApplicationId, ApplicationId.sy),
        avp(Base.DestinationRealm, sub.peerRealm),
        avp(Base.DestinationHost, sub.peerHost),
        ...statusReports(statuses),
      ],
    });
    pending.add(sent);
    void sent.finally(() => pending.delete(sent));
  };
  const onCommitted = (batch: JournalBatch): void => {
    const lines = new Set<string>();
    for (const u of batch.usage) if (table.ofLine(u.lineId).length > 0) lines.add(u.lineId);
    for (const lineId of lines) {
      const policy = linePolicy(engine, lineId, clock.now());
      if (!policy) continue;
      for (const sub of table.ofLine(lineId)) {
        const statuses = subscribedStatuses(policy, sub);
        const changed = statuses.filter((s) => sub.reported.get(s.id) !== s.status);
        if (changed.length === 0) continue;
        for (const s of changed) sub.reported.set(s.id, s.status);
        send(sub, changed);
      }
    }
  };
  engine.events.on("committed", onCommitted);
  return {
    stop: () => engine.events.off("committed", onCommitted),
    idle: async () => {
      await Promise.allSettled([...pending]);
    },
  };
}
