// The contract between the stack and an application (Gy, Sy, a load generator).
import type { Answer } from "./answer.ts";
import type { PeerCapabilities } from "./capabilities.ts";
import type { Avp, DiameterMessage, Result } from "./types.ts";

export type PeerRole = "initiator" | "responder";

/** RFC 6733 §5.6 states, reduced to one connection per peer (no election). */
export type PeerState = "wait_cer" | "wait_cea" | "open" | "closing" | "closed";

/** A request to send. Hop-by-hop is always ours; End-to-End may be kept on a retransmission. */
export interface RequestSpec {
  readonly applicationId: number;
  readonly commandCode: number;
  /** Origin-Host and Origin-Realm are added after Session-Id when absent. */
  readonly avps: readonly Avp[];
  readonly proxiable?: boolean;
  /** Set with `retransmitted` when re-sending a request after a failover (RFC 6733 §5.5.4). */
  readonly endToEndId?: number;
  readonly retransmitted?: boolean;
}

export interface RequestOptions {
  /** Overrides the peer's default request timeout (the CC client's Tx, for instance). */
  readonly timeoutMs?: number;
}

export type RequestErrorCode = "timeout" | "peer_closed" | "not_open" | "invalid_answer";

export interface RequestError {
  readonly code: RequestErrorCode;
  readonly message: string;
}

export interface Peer {
  readonly role: PeerRole;
  readonly state: PeerState;
  readonly remoteAddress: string;
  readonly remotePort: number;
  /** What the peer said in its CER or CEA; undefined until then. */
  readonly remote: PeerCapabilities | undefined;
  /** Applications both sides support; requests for others are answered 3007. */
  readonly applications: ReadonlySet<number>;
  /** Sends a request (CCR, or RAR/ASR/SNR towards a client) and waits for its answer. */
  readonly request: (spec: RequestSpec, options?: RequestOptions) => Promise<Result<DiameterMessage, RequestError>>;
  /** DPR, wait for DPA (bounded), close. Resolves once the connection is closed. */
  readonly disconnect: (cause?: number) => Promise<void>;
}

/** Must resolve: a rejection is answered 5012 DIAMETER_UNABLE_TO_COMPLY and reported. */
export type RequestHandler = (request: DiameterMessage, peer: Peer) => Promise<Answer>;

/** `${applicationId}/${commandCode}`, e.g. "4/272" for CCR. */
export type HandlerKey = `${number}/${number}`;

export type Handlers = Readonly<Partial<Record<HandlerKey, RequestHandler>>>;

export const handlerKey = (applicationId: number, commandCode: number): HandlerKey => `${applicationId}/${commandCode}`;

/** Decides whether one more application request may run now; else it is answered 3004. */
export interface Admission {
  readonly tryAcquire: () => boolean;
  readonly release: () => void;
}
