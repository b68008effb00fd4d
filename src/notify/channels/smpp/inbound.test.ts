import assert from "node:assert/strict";
import { test } from "node:test";
import { type Inbound, readDeliverSm } from "./inbound.ts";
import type { ShortMessageFields } from "./pdu.ts";
import { encodeUcs2 } from "./segment.ts";

function deliver(over: Partial<ShortMessageFields>): ShortMessageFields {
  return {
    serviceType: "",
    source: { ton: 1, npi: 1, addr: "33612345678" },
    destination: { ton: 5, npi: 0, addr: "GARDEFOU" },
    esmClass: 0,
    protocolId: 0,
    priorityFlag: 0,
    scheduleDeliveryTime: "",
    validityPeriod: "",
    registeredDelivery: 0,
    replaceIfPresent: 0,
    dataCoding: 0,
    smDefaultMsgId: 0,
    shortMessage: Buffer.from("OUI", "latin1"),
    tlvs: [],
    ...over,
  };
}

const message = (text: string): Inbound => ({
  kind: "message",
  sms: { from: "33612345678", to: "GARDEFOU", text },
});

const cases: { name: string; pdu: ShortMessageFields; expect: Inbound }[] = [
  { name: "GSM-7 reply", pdu: deliver({}), expect: message("OUI") },
  {
    name: "UCS-2 reply",
    pdu: deliver({ dataCoding: 8, shortMessage: encodeUcs2("Oui ça va") }),
    expect: message("Oui ça va"),
  },
  {
    name: "Latin-1 reply",
    pdu: deliver({
      dataCoding: 3,
      shortMessage: Buffer.from("prêt", "latin1"),
    }),
    expect: message("prêt"),
  },
  {
    name: "text in message_payload",
    pdu: deliver({
      shortMessage: Buffer.alloc(0),
      tlvs: [{ tag: 0x0424, value: Buffer.from("YES") }],
    }),
    expect: message("YES"),
  },
  {
    name: "one part of a concatenated reply, UDH stripped",
    pdu: deliver({
      esmClass: 0x40,
      shortMessage: Buffer.from([5, 0, 3, 9, 2, 1, 0x4f, 0x4b]),
    }),
    expect: message("OK"),
  },
  {
    name: "a delivery receipt is not a reply",
    pdu: deliver({
      esmClass: 0x04,
      shortMessage: Buffer.from("id:1 stat:DELIVRD"),
    }),
    expect: { kind: "receipt", text: "id:1 stat:DELIVRD" },
  },
  {
    name: "binary data",
    pdu: deliver({ dataCoding: 4 }),
    expect: {
      kind: "undecodable",
      code: "data_coding_unsupported",
      message: "deliver_sm with data_coding 0x4 from 33612345678",
    },
  },
  {
    name: "a UDH longer than the message",
    pdu: deliver({ esmClass: 0x40, shortMessage: Buffer.from([9, 0]) }),
    expect: {
      kind: "undecodable",
      code: "udh_invalid",
      message: "UDH longer than the message",
    },
  },
];

for (const c of cases) {
  test(`deliver_sm: ${c.name}`, () => assert.deepEqual(readDeliverSm(c.pdu), c.expect));
}
