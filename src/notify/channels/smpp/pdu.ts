// The PDUs this ESME speaks, as a discriminated union, with their body layouts (SMPP 3.4 §4).

import { BodyDecodeError, BodyReader, BodyWriter, type DecodeErrorCode, frame, readHeader, type Tlv } from "./codec.ts";
import { CommandId, type CommandName } from "./constants.ts";

export interface Address {
  ton: number;
  npi: number;
  addr: string;
}

/** submit_sm and deliver_sm share one layout (§4.4.1, §4.6.1). */
export interface ShortMessageFields {
  serviceType: string;
  source: Address;
  destination: Address;
  esmClass: number;
  protocolId: number;
  priorityFlag: number;
  scheduleDeliveryTime: string;
  validityPeriod: string;
  registeredDelivery: number;
  replaceIfPresent: number;
  dataCoding: number;
  smDefaultMsgId: number;
  shortMessage: Buffer;
  tlvs: Tlv[];
}

export interface BindFields {
  systemId: string;
  password: string;
  systemType: string;
  interfaceVersion: number;
  addrTon: number;
  addrNpi: number;
  addressRange: string;
}

export type PduBody =
  | ({ command: "bind_transceiver" } & BindFields)
  | { command: "bind_transceiver_resp"; systemId: string; tlvs: Tlv[] }
  | ({ command: "submit_sm" } & ShortMessageFields)
  | { command: "submit_sm_resp"; messageId: string }
  | ({ command: "deliver_sm" } & ShortMessageFields)
  | { command: "deliver_sm_resp"; messageId: string }
  | {
      command: "enquire_link" | "enquire_link_resp" | "unbind" | "unbind_resp" | "generic_nack";
    }
  | { command: "unknown"; commandId: number; body: Buffer };

export type Pdu = PduBody & { status: number; sequence: number };

export type DecodedPdu =
  | { ok: true; pdu: Pdu }
  | {
      ok: false;
      code: DecodeErrorCode;
      message: string;
      commandId: number;
      sequence: number;
    };

const namesById = new Map<number, CommandName>(Object.entries(CommandId).map(([name, id]) => [id, name as CommandName]));

export function encodePdu(pdu: Pdu): Buffer {
  const commandId = pdu.command === "unknown" ? pdu.commandId : CommandId[pdu.command];
  return frame({ commandId, status: pdu.status, sequence: pdu.sequence }, encodeBody(pdu));
}

function encodeBody(pdu: PduBody): Buffer {
  const w = new BodyWriter();
  switch (pdu.command) {
    case "bind_transceiver":
      return w
        .cString(pdu.systemId, 16, "system_id")
        .cString(pdu.password, 9, "password")
        .cString(pdu.systemType, 13, "system_type")
        .u8(pdu.interfaceVersion)
        .u8(pdu.addrTon)
        .u8(pdu.addrNpi)
        .cString(pdu.addressRange, 41, "address_range")
        .toBuffer();
    case "bind_transceiver_resp":
      w.cString(pdu.systemId, 16, "system_id");
      for (const t of pdu.tlvs) w.tlv(t);
      return w.toBuffer();
    case "submit_sm":
    case "deliver_sm":
      return writeShortMessage(w, pdu).toBuffer();
    case "submit_sm_resp":
    case "deliver_sm_resp":
      return w.cString(pdu.messageId, 65, "message_id").toBuffer();
    case "unknown":
      return pdu.body;
    default:
      return Buffer.alloc(0);
  }
}

function writeShortMessage(w: BodyWriter, m: ShortMessageFields): BodyWriter {
  if (m.shortMessage.length > 254) throw new RangeError("short_message exceeds 254 octets");
  w.cString(m.serviceType, 6, "service_type")
    .u8(m.source.ton)
    .u8(m.source.npi)
    .cString(m.source.addr, 21, "source_addr")
    .u8(m.destination.ton)
    .u8(m.destination.npi)
    .cString(m.destination.addr, 21, "destination_addr")
    .u8(m.esmClass)
    .u8(m.protocolId)
    .u8(m.priorityFlag)
    .cString(m.scheduleDeliveryTime, 17, "schedule_delivery_time")
    .cString(m.validityPeriod, 17, "validity_period")
    .u8(m.registeredDelivery)
    .u8(m.replaceIfPresent)
    .u8(m.dataCoding)
    .u8(m.smDefaultMsgId)
    .u8(m.shortMessage.length)
    .octets(m.shortMessage);
  for (const t of m.tlvs) w.tlv(t);
  return w;
}

export function decodePdu(raw: Buffer): DecodedPdu {
  const { commandId, status, sequence, body } = readHeader(raw);
  const command = namesById.get(commandId);
  try {
    const decoded: PduBody =
      command === undefined ? { command: "unknown", commandId, body: Buffer.from(body) } : decodeBody(command, new BodyReader(body), status);
    return { ok: true, pdu: { ...decoded, status, sequence } };
  } catch (e) {
    if (!(e instanceof BodyDecodeError)) throw e;
    return { ok: false, code: e.code, message: e.message, commandId, sequence };
  }
}

function decodeBody(command: CommandName, r: BodyReader, status: number): PduBody {
  switch (command) {
    case "bind_transceiver":
      return {
        command,
        systemId: r.cString(16, "system_id"),
        password: r.cString(9, "password"),
        systemType: r.cString(13, "system_type"),
        interfaceVersion: r.u8("interface_version"),
        addrTon: r.u8("addr_ton"),
        addrNpi: r.u8("addr_npi"),
        addressRange: r.cString(41, "address_range"),
      };
    case "bind_transceiver_resp":
      // An error response may carry no body at all (§4.1.6).
      if (r.remaining === 0 && status !== 0) return { command, systemId: "", tlvs: [] };
      return { command, systemId: r.cString(16, "system_id"), tlvs: r.tlvs() };
    case "submit_sm":
    case "deliver_sm":
      return { command, ...readShortMessage(r) };
    case "submit_sm_resp":
    case "deliver_sm_resp":
      // "The submit_sm_resp PDU Body is not returned if the command_status field contains a
      // non-zero value" (§4.4.2) — yet some SMSCs do send one; accept both.
      if (r.remaining === 0) return { command, messageId: "" };
      return { command, messageId: r.cString(65, "message_id") };
    default:
      return { command };
  }
}

function readShortMessage(r: BodyReader): ShortMessageFields {
  const serviceType = r.cString(6, "service_type");
  const source = {
    ton: r.u8("source_addr_ton"),
    npi: r.u8("source_addr_npi"),
    addr: "",
  };
  source.addr = r.cString(21, "source_addr");
  const destination = {
    ton: r.u8("dest_addr_ton"),
    npi: r.u8("dest_addr_npi"),
    addr: "",
  };
  destination.addr = r.cString(21, "destination_addr");
  const esmClass = r.u8("esm_class");
  const protocolId = r.u8("protocol_id");
  const priorityFlag = r.u8("priority_flag");
  const scheduleDeliveryTime = r.cString(17, "schedule_delivery_time");
  const validityPeriod = r.cString(17, "validity_period");
  const registeredDelivery = r.u8("registered_delivery");
  const replaceIfPresent = r.u8("replace_if_present_flag");
  const dataCoding = r.u8("data_coding");
  const smDefaultMsgId = r.u8("sm_default_msg_id");
  const shortMessage = r.octets(r.u8("sm_length"), "short_message");
  return {
    serviceType,
    source,
    destination,
    esmClass,
    protocolId,
    priorityFlag,
    scheduleDeliveryTime,
    validityPeriod,
    registeredDelivery,
    replaceIfPresent,
    dataCoding,
    smDefaultMsgId,
    shortMessage,
    tlvs: r.tlvs(),
  };
}
