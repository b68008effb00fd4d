// SMPP 3.4 numbers (command ids, statuses, field values) used by this client.

export const HEADER_LENGTH = 16;
/** Larger than any PDU we send or accept (message_payload tops out near 64 KiB). */
export const MAX_PDU_LENGTH = 70_000;
export const INTERFACE_VERSION_34 = 0x34;
export const RESPONSE_BIT = 0x80000000;

export const CommandId = {
  generic_nack: 0x80000000,
  bind_transceiver: 0x00000009,
  bind_transceiver_resp: 0x80000009,
  submit_sm: 0x00000004,
  submit_sm_resp: 0x80000004,
  deliver_sm: 0x00000005,
  deliver_sm_resp: 0x80000005,
  unbind: 0x00000006,
  unbind_resp: 0x80000006,
  enquire_link: 0x00000015,
  enquire_link_resp: 0x80000015,
} as const;

export type CommandName = keyof typeof CommandId;

export const Status = {
  ESME_ROK: 0x00,
  ESME_RINVMSGLEN: 0x01,
  ESME_RINVCMDLEN: 0x02,
  ESME_RINVCMDID: 0x03,
  ESME_RINVBNDSTS: 0x04,
  ESME_RALYBND: 0x05,
  ESME_RSYSERR: 0x08,
  ESME_RINVSRCADR: 0x0a,
  ESME_RINVDSTADR: 0x0b,
  ESME_RBINDFAIL: 0x0d,
  ESME_RINVPASWD: 0x0e,
  ESME_RINVSYSID: 0x0f,
  ESME_RMSGQFUL: 0x14,
  ESME_RINVESMCLASS: 0x43,
  ESME_RSUBMITFAIL: 0x45,
  ESME_RINVSYSTYP: 0x53,
  ESME_RTHROTTLED: 0x58,
  ESME_RX_T_APPN: 0x64,
} as const;

const statusNames = new Map<number, string>(Object.entries(Status).map(([name, value]) => [value, name]));

export function statusName(status: number): string {
  return statusNames.get(status) ?? `0x${status.toString(16).padStart(8, "0")}`;
}

export const Ton = {
  unknown: 0x00,
  international: 0x01,
  networkSpecific: 0x03,
  alphanumeric: 0x05,
} as const;
export const Npi = { unknown: 0x00, isdn: 0x01 } as const;

export const DataCoding = {
  smscDefault: 0x00,
  ia5: 0x01,
  latin1: 0x03,
  ucs2: 0x08,
} as const;

export const EsmClass = {
  /** User data header indicator: short_message starts with a UDH. */
  udhi: 0x40,
  /** Bits 2–5: message type; non-zero on SMSC delivery receipts and acknowledgements. */
  messageTypeMask: 0x3c,
} as const;

export const TlvTag = {
  scInterfaceVersion: 0x0210,
  messagePayload: 0x0424,
} as const;
