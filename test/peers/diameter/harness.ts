// Test peers for the Diameter stack: a server with an event log, and a raw TCP peer that
// sends arbitrary bytes (malformed ones included) and collects decoded answers.
import { connect, type Socket } from "node:net";
import {
  ApplicationId,
  avp,
  BaseAvps,
  CommandCode,
  type DiameterEvent,
  type DiameterMessage,
  type DiameterServer,
  type DiameterServerOptions,
  decodeMessage,
  encodeMessage,
  ipv4,
  MessageFramer,
  startDiameterServer,
  VendorId,
} from "../../../src/network/diameter/index.ts";
import { GW_HOST, GW_REALM, OCS_HOST, OCS_REALM } from "./fixtures.ts";

export interface TestServer extends DiameterServer {
  readonly events: DiameterEvent[];
  /** Resolves at the first event matching the predicate (past or future). */
  readonly waitFor: (match: (e: DiameterEvent) => boolean, timeoutMs?: number) => Promise<DiameterEvent>;
}

export const eventLog = (): {
  events: DiameterEvent[];
  onEvent: (e: DiameterEvent) => void;
  waitFor: TestServer["waitFor"];
} => {
  const events: DiameterEvent[] = [];
  const waiters: {
    match: (e: DiameterEvent) => boolean;
    resolve: (e: DiameterEvent) => void;
  }[] = [];
  const onEvent = (e: DiameterEvent): void => {
    events.push(e);
    for (const w of [...waiters]) {
      if (w.match(e)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(e);
      }
    }
  };
  const waitFor: TestServer["waitFor"] = (match, timeoutMs = 3_000) => {
    const past = events.find(match);
    if (past !== undefined) return Promise.resolve(past);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("event not seen in time")), timeoutMs);
      waiters.push({
        match,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      });
    });
  };
  return { events, onEvent, waitFor };
};

export const startTestServer = async (options: Partial<DiameterServerOptions> = {}): Promise<TestServer> => {
  const log = eventLog();
  const server = await startDiameterServer({
    originHost: OCS_HOST,
    originRealm: OCS_REALM,
    host: "127.0.0.1",
    port: 0,
    originStateId: 7,
    ...options,
    onEvent: log.onEvent,
  });
  return { ...server, events: log.events, waitFor: log.waitFor };
};

/** A CER as a gateway would send it, advertising Credit-Control. */
export const rawCer = (hopByHopId = 1): Buffer =>
  encodeMessage({
    flags: {
      request: true,
      proxiable: false,
      error: false,
      retransmitted: false,
    },
    commandCode: CommandCode.capabilitiesExchange,
    applicationId: ApplicationId.common,
    hopByHopId,
    endToEndId: hopByHopId,
    avps: [
      avp(BaseAvps.OriginHost, GW_HOST),
      avp(BaseAvps.OriginRealm, GW_REALM),
      avp(BaseAvps.HostIpAddress, ipv4("127.0.0.1")),
      avp(BaseAvps.VendorId, VendorId.tgpp),
      avp(BaseAvps.ProductName, "raw test peer"),
      avp(BaseAvps.AuthApplicationId, ApplicationId.creditControl),
    ],
  });

export interface RawPeer {
  readonly socket: Socket;
  readonly send: (bytes: Buffer) => void;
  /** The next message received (answer or request), in arrival order. */
  readonly next: (timeoutMs?: number) => Promise<DiameterMessage>;
  readonly closed: Promise<void>;
  /** Every message received so far, as the exact bytes the server wrote. */
  readonly frames: Buffer[];
}

export const rawPeer = async (port: number): Promise<RawPeer> => {
  const socket = connect({ host: "127.0.0.1", port });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  const framer = new MessageFramer();
  const inbox: DiameterMessage[] = [];
  const frames: Buffer[] = [];
  let wake: (() => void) | undefined;
  socket.on("data", (chunk: Buffer) => {
    for (const event of framer.push(chunk)) {
      if (event.kind !== "message") continue;
      frames.push(Buffer.from(event.bytes));
      const decoded = decodeMessage(event.bytes);
      if (decoded.ok) inbox.push(decoded.value);
    }
    wake?.();
  });
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  const next = async (timeoutMs = 2_000): Promise<DiameterMessage> => {
    const deadline = Date.now() + timeoutMs;
    while (inbox.length === 0) {
      if (Date.now() > deadline) throw new Error("no message received in time");
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 20);
      });
    }
    const first = inbox.shift();
    if (first === undefined) throw new Error("unreachable");
    return first;
  };
  return { socket, send: (bytes) => socket.write(bytes), next, closed, frames };
};
