// What a deliver_sm means to us: a customer's reply (surfaced to onDeliver), an SMSC receipt
// (acknowledged, not surfaced), or something we cannot read (acknowledged and reported).

import type { InboundSms } from "../channel.ts";
import { DataCoding, EsmClass, TlvTag } from "./constants.ts";
import { decodeGsm7 } from "./gsm7.ts";
import type { ShortMessageFields } from "./pdu.ts";
import { decodeUcs2 } from "./segment.ts";

export type Inbound =
  | { kind: "message"; sms: InboundSms }
  | { kind: "receipt"; text: string }
  | {
      kind: "undecodable";
      code: "data_coding_unsupported" | "udh_invalid";
      message: string;
    };

export function readDeliverSm(m: ShortMessageFields): Inbound {
  let payload = m.shortMessage;
  if (payload.length === 0) {
    // Long mobile-originated texts may arrive in message_payload instead (§5.3.2.32).
    payload = m.tlvs.find((t) => t.tag === TlvTag.messagePayload)?.value ?? payload;
  }
  if ((m.esmClass & EsmClass.udhi) !== 0) {
    const udhLength = payload.length > 0 ? payload.readUInt8(0) + 1 : 0;
    if (udhLength === 0 || udhLength > payload.length) {
      return {
        kind: "undecodable",
        code: "udh_invalid",
        message: "UDH longer than the message",
      };
    }
    payload = payload.subarray(udhLength);
  }
  const text = decodeText(m.dataCoding, payload);
  if (text === undefined) {
    return {
      kind: "undecodable",
      code: "data_coding_unsupported",
      message: `deliver_sm with data_coding 0x${m.dataCoding.toString(16)} from ${m.source.addr}`,
    };
  }
  if ((m.esmClass & EsmClass.messageTypeMask) !== 0) return { kind: "receipt", text };
  return {
    kind: "message",
    sms: { from: m.source.addr, to: m.destination.addr, text },
  };
}

function decodeText(dataCoding: number, octets: Buffer): string | undefined {
  switch (dataCoding) {
    case DataCoding.smscDefault:
      return decodeGsm7(octets);
    case DataCoding.ia5:
      return octets.toString("ascii");
    case DataCoding.latin1:
      return octets.toString("latin1");
    case DataCoding.ucs2:
      return decodeUcs2(octets);
    default:
      return undefined;
  }
}
