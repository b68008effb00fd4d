// Outgoing connection: connect, CER/CEA, then the same peer object as on the server side.
// Used by tests and by the load generator; a gateway simulator is just a client with handlers
// for RAR/ASR.
import { connect } from "node:net";
import { DIAMETER_PORT } from "./codes.ts";
import { type DiameterNodeOptions, resolveSettings } from "./config.ts";
import { PeerConnection } from "./peer-connection.ts";
import type { HandshakeError } from "./peer-handshake.ts";
import type { Peer } from "./peer-types.ts";
import { err, ok, type Result } from "./types.ts";

export interface DiameterClientOptions extends DiameterNodeOptions {
  readonly host: string;
  readonly port?: number;
  readonly connectTimeoutMs?: number;
}

export type ConnectError =
  | {
      readonly code: "connect_failed";
      readonly message: string;
      readonly resultCode?: undefined;
    }
  | HandshakeError;

export const connectDiameterPeer = async (options: DiameterClientOptions): Promise<Result<Peer, ConnectError>> => {
  const settings = resolveSettings(options);
  const socket = connect({
    host: options.host,
    port: options.port ?? DIAMETER_PORT,
  });
  const connected = await new Promise<Result<void, ConnectError>>((resolve) => {
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(err({ code: "connect_failed", message: "connect timeout" }));
    }, options.connectTimeoutMs ?? 5_000);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve(ok(undefined));
    });
    socket.once("error", (error) => {
      clearTimeout(timer);
      resolve(err({ code: "connect_failed", message: error.message }));
    });
  });
  if (!connected.ok) return connected;
  const connection = new PeerConnection(socket, "initiator", settings);
  const handshake = await connection.exchangeCapabilities();
  return handshake.ok ? ok(connection) : handshake;
};
