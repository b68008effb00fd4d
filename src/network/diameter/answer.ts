// Turning a request into its answer: same command, application and identifiers, Session-Id
// first, our Origin-Host/Realm, and the request's Proxy-Info echoed (RFC 6733 §6.2).
import { avp } from "./avp-build.ts";
import { findAvp, findAvps, isAvp } from "./avp-read.ts";
import { isProtocolError } from "./codes.ts";
import * as Base from "./dict-base.ts";
import type { Avp, DiameterMessage } from "./types.ts";

export interface LocalIdentity {
  readonly originHost: string;
  readonly originRealm: string;
  /** Increases on every restart so that peers can detect that our session state was lost. */
  readonly originStateId?: number;
}

/** What an application handler returns. The stack adds the envelope. */
export interface Answer {
  /** Omit when the body carries Experimental-Result instead (3GPP-specific results). */
  readonly resultCode?: number;
  readonly avps: readonly Avp[];
}

/** The parts of a request an answer is built from; a request whose AVPs failed to parse has none. */
export type RequestEnvelope = Pick<DiameterMessage, "flags" | "commandCode" | "applicationId" | "hopByHopId" | "endToEndId"> & {
  readonly avps?: readonly Avp[];
};

export const buildAnswer = (request: RequestEnvelope, identity: LocalIdentity, answer: Answer): DiameterMessage => {
  const requestAvps = request.avps ?? [];
  const provided = (def: typeof Base.OriginHost | typeof Base.SessionId): boolean => answer.avps.some((a) => isAvp(a, def));
  const sessionId = provided(Base.SessionId) ? undefined : findAvp(requestAvps, Base.SessionId);
  const envelope: Avp[] = [];
  if (sessionId !== undefined) envelope.push(sessionId);
  if (answer.resultCode !== undefined) envelope.push(avp(Base.ResultCode, answer.resultCode));
  if (!provided(Base.OriginHost)) {
    envelope.push(avp(Base.OriginHost, identity.originHost));
    envelope.push(avp(Base.OriginRealm, identity.originRealm));
  }
  const error = answer.resultCode !== undefined && isProtocolError(answer.resultCode);
  return {
    flags: {
      request: false,
      proxiable: request.flags.proxiable,
      error,
      retransmitted: false,
    },
    commandCode: request.commandCode,
    applicationId: request.applicationId,
    hopByHopId: request.hopByHopId,
    endToEndId: request.endToEndId,
    avps: [...envelope, ...answer.avps, ...findAvps(requestAvps, Base.ProxyInfo)],
  };
};
