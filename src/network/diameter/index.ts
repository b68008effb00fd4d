// Public surface of the Diameter stack. Import from here, never from the files behind it.

export type { InFlightLimit } from "./admission.ts";
export { inFlightLimit } from "./admission.ts";
export type { Answer, LocalIdentity } from "./answer.ts";
export { buildAnswer } from "./answer.ts";
export type { AvpOptions } from "./avp-build.ts";
export { avp, group, rawAvp } from "./avp-build.ts";
export {
  decodeAvp,
  findAvp,
  findAvps,
  isAvp,
  readValue,
  readValues,
} from "./avp-read.ts";
export type {
  Capabilities,
  PeerCapabilities,
  VendorSpecificApplication,
} from "./capabilities.ts";
export type { ConnectError, DiameterClientOptions } from "./client.ts";
export { connectDiameterPeer } from "./client.ts";
export { ipv4, ipv6 } from "./codec-address.ts";
export type { DecodeFailure } from "./codec-message.ts";
export { decodeMessage, encodeMessage } from "./codec-message.ts";
export type { ValueError } from "./codec-values.ts";
export { decodeValue, encodeValue } from "./codec-values.ts";
export {
  ApplicationId,
  CommandCode,
  DIAMETER_PORT,
  DisconnectCause,
  isProtocolError,
  ResultCode,
  VendorId,
} from "./codes.ts";
export type { DiameterNodeOptions, Timers } from "./config.ts";
export { defaultTimers } from "./config.ts";
export * as TgppAvps from "./dict-3gpp.ts";
export * as BaseAvps from "./dict-base.ts";
export * as Commands from "./dict-commands.ts";
export * as CreditControlAvps from "./dict-credit-control.ts";
export * as CreditControlExtensionAvps from "./dict-credit-control-ext.ts";
export * as SyAvps from "./dict-sy.ts";
export type { Dictionary } from "./dictionary.ts";
export {
  createDictionary,
  defaultDictionary,
  standardAvps,
} from "./dictionary.ts";
export type {
  AvpDef,
  CommandDef,
  EnumDef,
  FlagRule,
} from "./dictionary-types.ts";
export { defineAvp, defineCommand, defineEnum } from "./dictionary-types.ts";
export { errorAnswer } from "./error-answer.ts";
export type {
  BaseCommandName,
  CloseReason,
  DiameterEvent,
  EventListener,
} from "./events.ts";
export type { FrameEvent } from "./framer.ts";
export { MessageFramer } from "./framer.ts";
export type { HandshakeError } from "./peer-handshake.ts";
export type {
  Admission,
  HandlerKey,
  Handlers,
  Peer,
  PeerRole,
  PeerState,
  RequestError,
  RequestErrorCode,
  RequestHandler,
  RequestOptions,
  RequestSpec,
} from "./peer-types.ts";
export { handlerKey } from "./peer-types.ts";
export type { DiameterProblem, ProblemCode } from "./problems.ts";
export type { DiameterServer, DiameterServerOptions } from "./server.ts";
export { startDiameterServer } from "./server.ts";
export type {
  Avp,
  AvpType,
  AvpValueMap,
  DiameterAddress,
  DiameterMessage,
  MessageFlags,
  Result,
} from "./types.ts";
export { AvpFlag, err, ok } from "./types.ts";
export type { ValidationScope } from "./validate.ts";
export { validateRequest } from "./validate.ts";
