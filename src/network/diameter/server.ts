// TCP listener: accepts any number of peers, each with its own connection state machine.
import { createServer, type Server } from "node:net";
import { type InFlightLimit, inFlightLimit } from "./admission.ts";
import { DIAMETER_PORT } from "./codes.ts";
import { type DiameterNodeOptions, resolveSettings } from "./config.ts";
import { PeerConnection } from "./peer-connection.ts";
import type { Admission, Peer } from "./peer-types.ts";

export interface DiameterServerOptions extends DiameterNodeOptions {
  /** Default "::" (all interfaces); tests use "127.0.0.1". */
  readonly host?: string;
  /** Default 3868; 0 picks a free port (see `DiameterServer.port`). */
  readonly port?: number;
  /** Application requests in flight across all peers before answering 3004 TOO_BUSY. */
  readonly maxInFlightRequests?: number;
  /** Replaces the in-flight limit with another policy (e.g. one fed by database latency). */
  readonly admission?: Admission;
}

export interface DiameterServer {
  readonly port: number;
  readonly peers: () => readonly Peer[];
  readonly inFlight: () => number;
  /** DPR to every open peer (bounded wait), then stop listening. */
  readonly close: () => Promise<void>;
}

export const startDiameterServer = async (options: DiameterServerOptions): Promise<DiameterServer> => {
  const limit: InFlightLimit = inFlightLimit(options.maxInFlightRequests);
  const settings = resolveSettings(options, options.admission ?? limit);
  const connections = new Set<PeerConnection>();
  const server: Server = createServer((socket) => {
    const connection = new PeerConnection(socket, "responder", settings);
    connections.add(connection);
    socket.on("close", () => connections.delete(connection));
    connection.awaitCer();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DIAMETER_PORT, options.host ?? "::", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    port,
    peers: () => [...connections].filter((c) => c.state === "open"),
    inFlight: () => limit.inFlight(),
    close: async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...connections].map((c) => c.disconnect()));
      await stopped;
    },
  };
};
