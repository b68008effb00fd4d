import { type DiameterEvent, type DiameterServer, type Peer, startDiameterServer } from "../network/diameter/index.ts";
import { ccrHandler, sendReauth } from "../network/gy/index.ts";
import { SubscriptionTable, type SyNotifier, startSyNotifier, syHandlers } from "../network/sy/index.ts";
import type { App } from "./app.ts";

export interface NetworkOptions {
  readonly port: number;
  readonly host: string;
  readonly originHost: string;
  readonly originRealm: string;
  /** Requests in flight before new ones are answered 3004 TOO_BUSY (the gateway fails over). */
  readonly maxInFlightRequests?: number;
  /** How often silent sessions are looked for (Tcc); 0 leaves it to the caller. */
  readonly supervisionIntervalMs?: number;
  readonly onEvent?: (e: DiameterEvent) => void;
  /** Where re-authorisation and notification failures are reported. */
  readonly log?: (line: string) => void;
}

export interface NetworkServer {
  readonly port: number;
  readonly diameter: DiameterServer;
  readonly sy: SyNotifier;
  readonly subscriptions: SubscriptionTable;
  /** Re-authorisations in flight (tests wait for them). */
  readonly idle: () => Promise<void>;
  readonly close: () => Promise<void>;
}

/**
 * The network side of the composition root: one Diameter server for Gy (online charging) and
 * Sy (fair-use status), wired to the engine: consent → RAR, commit → SNR.
 */
export async function startNetwork(app: App, options: NetworkOptions): Promise<NetworkServer> {
  const subscriptions = new SubscriptionTable();
  const boot = Math.floor(app.clock.now() / 1000);
  const diameter = await startDiameterServer({
    host: options.host,
    port: options.port,
    originHost: options.originHost,
    originRealm: options.originRealm,
    // Increases at each restart so that gateways can tell our session state may have changed.
    originStateId: boot >>> 0,
    maxInFlightRequests: options.maxInFlightRequests ?? 2_000,
    handlers: { "4/272": ccrHandler(app.online), ...syHandlers(app.engine, app.clock, subscriptions) },
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  const peers = (): readonly Peer[] => diameter.peers();
  const log = options.log ?? (() => {});
  const pending = new Set<Promise<unknown>>();
  app.online.events.on("reauthorise", (target) => {
    const sent = sendReauth(peers, target).then((r) => {
      if (!r.ok) log(`RAR for session ${target.sessionId} not delivered: ${r.code}: ${r.message}`);
    });
    pending.add(sent);
    void sent.finally(() => pending.delete(sent));
  });
  const sy = startSyNotifier(app.engine, app.clock, subscriptions, peers);
  if (options.supervisionIntervalMs !== 0) app.online.startSupervision(options.supervisionIntervalMs ?? 60_000);
  return {
    port: diameter.port,
    diameter,
    sy,
    subscriptions,
    idle: async () => {
      await Promise.allSettled([...pending]);
      await sy.idle();
    },
    close: async () => {
      app.online.events.removeAllListeners("reauthorise");
      sy.stop();
      await diameter.close();
    },
  };
}
