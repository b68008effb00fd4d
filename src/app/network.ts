import type { ReauthTarget } from "../engine/index.ts";
import {
  avp,
  BaseAvps,
  type DiameterEvent,
  type DiameterServer,
  type Peer,
  type RequestHandler,
  ResultCode,
  startDiameterServer,
} from "../network/diameter/index.ts";
import { ccrHandler, sendReauth } from "../network/gy/index.ts";
import { SubscriptionTable, type SyNotifier, startSyNotifier, syHandlers } from "../network/sy/index.ts";
import type { App } from "./app.ts";
import { UserError } from "./errors.ts";

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
    // A front end forwards Gy to the partitions' owners; Sy reads counters it does not hold, so it stays off there.
    handlers: { "4/272": busyWhileUnowned(ccrHandler(app.gy)), ...(app.router ? {} : syHandlers(app.engine, app.clock, subscriptions)) },
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  const peers = (): readonly Peer[] => diameter.peers();
  const log = options.log ?? (() => {});
  const pending = new Set<Promise<unknown>>();
  const reauthorise = (target: ReauthTarget) => {
    const sent = sendReauth(peers, target).then((r) => {
      if (!r.ok) log(`RAR for session ${target.sessionId} not delivered: ${r.code}: ${r.message}`);
    });
    pending.add(sent);
    void sent.finally(() => pending.delete(sent));
  };
  // On a front end the owners supervise sessions and publish their re-authorisations.
  const unsubscribe = app.router?.onReauthorise(reauthorise);
  if (!app.router) app.online.events.on("reauthorise", reauthorise);
  const sy = startSyNotifier(app.engine, app.clock, subscriptions, peers);
  if (options.supervisionIntervalMs !== 0 && !app.router) app.online.startSupervision(options.supervisionIntervalMs ?? 60_000);
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
      unsubscribe?.();
      app.online.events.removeAllListeners("reauthorise");
      sy.stop();
      await diameter.close();
    },
  };
}

/**
 * A front end whose request found no engine for its partition (a failover outlasting the wait)
 * answers 3004 TOO_BUSY: a protocol error, so the gateway tries another charging server or
 * retransmits later, rather than 5012 which ends the session.
 */
function busyWhileUnowned(handler: RequestHandler): RequestHandler {
  return async (request, peer) => {
    try {
      return await handler(request, peer);
    } catch (error) {
      if (!(error instanceof UserError) || (error.code !== "partition_unavailable" && error.code !== "broker_unreachable")) throw error;
      return { resultCode: ResultCode.tooBusy, avps: [avp(BaseAvps.ErrorMessage, error.message)] };
    }
  };
}
