// Commands we understand, per application, with the AVPs their ABNF makes compulsory
// (RFC 6733 §5, RFC 8506 §3, TS 29.219 §5.6). Optional AVPs are not listed: anything
// without the M bit may appear, and unknown M-bit AVPs are caught by the AVP check.
import { ApplicationId, CommandCode } from "./codes.ts";
import * as Base from "./dict-base.ts";
import * as Cc from "./dict-credit-control.ts";
import * as Sy from "./dict-sy.ts";
import { type CommandDef, defineCommand } from "./dictionary-types.ts";

const origin = [Base.OriginHost, Base.OriginRealm];
const sessionAnswer = [Base.SessionId, Base.ResultCode, ...origin];

const capabilities = [Base.HostIpAddress, Base.VendorId, Base.ProductName];

export const CER = defineCommand({
  name: "CER",
  code: CommandCode.capabilitiesExchange,
  applicationId: ApplicationId.common,
  proxiable: false,
  requestRequires: [...origin, ...capabilities],
  answerRequires: [Base.ResultCode, ...origin, ...capabilities],
});

export const DWR = defineCommand({
  name: "DWR",
  code: CommandCode.deviceWatchdog,
  applicationId: ApplicationId.common,
  proxiable: false,
  requestRequires: origin,
  answerRequires: [Base.ResultCode, ...origin],
});

export const DPR = defineCommand({
  name: "DPR",
  code: CommandCode.disconnectPeer,
  applicationId: ApplicationId.common,
  proxiable: false,
  requestRequires: [...origin, Base.DisconnectCause],
  answerRequires: [Base.ResultCode, ...origin],
});

const ccEcho = [Base.AuthApplicationId, Cc.CcRequestType, Cc.CcRequestNumber];

export const CCR = defineCommand({
  name: "CCR",
  code: CommandCode.creditControl,
  applicationId: ApplicationId.creditControl,
  requestRequires: [Base.SessionId, ...origin, Base.DestinationRealm, Base.AuthApplicationId, Cc.ServiceContextId, Cc.CcRequestType, Cc.CcRequestNumber],
  answerRequires: [...sessionAnswer, ...ccEcho],
  echoInAnswer: ccEcho,
});

/** Session commands of the base protocol, re-used inside an application (RFC 6733 §8). */
const sessionCommands = (applicationId: number): CommandDef[] => {
  const routed = [Base.SessionId, ...origin, Base.DestinationRealm];
  return [
    defineCommand({
      name: "RAR",
      code: CommandCode.reAuth,
      applicationId,
      requestRequires: [...routed, Base.DestinationHost, Base.AuthApplicationId, Base.ReAuthRequestType],
      answerRequires: sessionAnswer,
    }),
    defineCommand({
      name: "ASR",
      code: CommandCode.abortSession,
      applicationId,
      requestRequires: [...routed, Base.DestinationHost, Base.AuthApplicationId],
      answerRequires: sessionAnswer,
    }),
    defineCommand({
      name: "STR",
      code: CommandCode.sessionTermination,
      applicationId,
      requestRequires: [...routed, Base.AuthApplicationId, Base.TerminationCause],
      answerRequires: sessionAnswer,
    }),
  ];
};

// Sy answers may carry Experimental-Result instead of Result-Code, so neither is required.
const syAnswer = [Base.SessionId, ...origin];

export const SLR = defineCommand({
  name: "SLR",
  code: CommandCode.spendingLimit,
  applicationId: ApplicationId.sy,
  requestRequires: [Base.SessionId, Base.AuthApplicationId, ...origin, Base.DestinationRealm, Sy.SlRequestType],
  answerRequires: syAnswer,
  echoInAnswer: [Base.AuthApplicationId],
});

export const SNR = defineCommand({
  name: "SNR",
  code: CommandCode.spendingStatusNotification,
  applicationId: ApplicationId.sy,
  requestRequires: [Base.SessionId, Base.AuthApplicationId, ...origin, Base.DestinationRealm, Base.DestinationHost],
  answerRequires: syAnswer,
});

export const allCommands: readonly CommandDef[] = [
  CER,
  DWR,
  DPR,
  CCR,
  ...sessionCommands(ApplicationId.creditControl),
  SLR,
  SNR,
  ...sessionCommands(ApplicationId.sy).filter((c) => c.name === "STR"),
];
