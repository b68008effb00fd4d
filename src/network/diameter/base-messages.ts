// The base protocol's own messages: CER/CEA, DWR/DWA, DPR/DPA (RFC 6733 §5).
import { buildAnswer, type LocalIdentity } from "./answer.ts";
import { avp } from "./avp-build.ts";
import { type Capabilities, capabilityAvps } from "./capabilities.ts";
import { ApplicationId, CommandCode, ResultCode } from "./codes.ts";
import * as Base from "./dict-base.ts";
import type { BaseCommandName } from "./events.ts";
import type { RequestSpec } from "./peer-types.ts";
import type { Avp, DiameterMessage } from "./types.ts";

export const identityOf = (caps: Capabilities): LocalIdentity => ({
  originHost: caps.originHost,
  originRealm: caps.originRealm,
  originStateId: caps.originStateId,
});

const origin = (caps: Capabilities): Avp[] => [avp(Base.OriginHost, caps.originHost), avp(Base.OriginRealm, caps.originRealm)];

const stateId = (caps: Capabilities): Avp[] => (caps.originStateId === undefined ? [] : [avp(Base.OriginStateId, caps.originStateId)]);

const baseRequest = (commandCode: number, avps: readonly Avp[]): RequestSpec => ({
  applicationId: ApplicationId.common,
  commandCode,
  avps,
  proxiable: false,
});

export const cerRequest = (caps: Capabilities, localAddress: string | undefined): RequestSpec =>
  baseRequest(CommandCode.capabilitiesExchange, [...origin(caps), ...capabilityAvps(caps, localAddress)]);

/** A CEA always carries our capabilities, even when refusing, so that it parses as a CEA. */
export const ceaAnswer = (
  request: DiameterMessage,
  caps: Capabilities,
  localAddress: string | undefined,
  resultCode: number,
  errorMessage?: string,
  failedAvps: readonly Avp[] = [],
): DiameterMessage => {
  const body = capabilityAvps(caps, localAddress);
  if (errorMessage !== undefined) body.push(avp(Base.ErrorMessage, errorMessage));
  for (const failed of failedAvps) body.push(avp(Base.FailedAvp, [failed]));
  return buildAnswer(request, identityOf(caps), { resultCode, avps: body });
};

export const dwrRequest = (caps: Capabilities): RequestSpec => baseRequest(CommandCode.deviceWatchdog, [...origin(caps), ...stateId(caps)]);

export const dwaAnswer = (request: DiameterMessage, caps: Capabilities): DiameterMessage =>
  buildAnswer(request, identityOf(caps), {
    resultCode: ResultCode.success,
    avps: stateId(caps),
  });

export const dprRequest = (caps: Capabilities, cause: number): RequestSpec =>
  baseRequest(CommandCode.disconnectPeer, [...origin(caps), avp(Base.DisconnectCause, cause)]);

export const dpaAnswer = (request: DiameterMessage, caps: Capabilities): DiameterMessage =>
  buildAnswer(request, identityOf(caps), {
    resultCode: ResultCode.success,
    avps: [],
  });

/** Which base command a message is, for events; undefined for application messages. */
export const baseCommandName = (message: Pick<DiameterMessage, "applicationId" | "commandCode" | "flags">): BaseCommandName | undefined => {
  if (message.applicationId !== ApplicationId.common) return undefined;
  const suffix = message.flags.request ? "R" : "A";
  switch (message.commandCode) {
    case CommandCode.capabilitiesExchange:
      return `CE${suffix}`;
    case CommandCode.deviceWatchdog:
      return `DW${suffix}`;
    case CommandCode.disconnectPeer:
      return `DP${suffix}`;
    default:
      return undefined;
  }
};
