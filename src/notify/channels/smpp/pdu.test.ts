import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { unframe } from "./codec.ts";
import { decodePdu, encodePdu, type Pdu } from "./pdu.ts";

const submit: Pdu = {
  command: "submit_sm",
  status: 0,
  sequence: 7,
  serviceType: "",
  source: { ton: 5, npi: 0, addr: "GARDEFOU" },
  destination: { ton: 1, npi: 1, addr: "33612345678" },
  esmClass: 0x40,
  protocolId: 0,
  priorityFlag: 1,
  scheduleDeliveryTime: "",
  validityPeriod: "",
  registeredDelivery: 0,
  replaceIfPresent: 0,
  dataCoding: 8,
  smDefaultMsgId: 0,
  shortMessage: Buffer.from("0500032a0201", "hex"),
  tlvs: [{ tag: 0x0424, value: Buffer.from("hi") }],
};

describe("PDU codec", () => {
  const exact: { name: string; pdu: Pdu; hex: string }[] = [
    {
      name: "enquire_link is a bare header",
      pdu: { command: "enquire_link", status: 0, sequence: 1 },
      hex: "00000010" + "00000015" + "00000000" + "00000001",
    },
    {
      name: "bind_transceiver carries C-octet strings and version 0x34",
      pdu: {
        command: "bind_transceiver",
        status: 0,
        sequence: 2,
        systemId: "gf",
        password: "pw",
        systemType: "",
        interfaceVersion: 0x34,
        addrTon: 0,
        addrNpi: 0,
        addressRange: "",
      },
      hex: "0000001b" + "00000009" + "00000000" + "00000002" + "676600" + "707700" + "00" + "340000" + "00",
    },
    {
      name: "submit_sm_resp with a throttling status",
      pdu: {
        command: "submit_sm_resp",
        status: 0x58,
        sequence: 0x7fffffff,
        messageId: "",
      },
      hex: "00000011" + "80000004" + "00000058" + "7fffffff" + "00",
    },
  ];
  for (const c of exact) {
    test(`encodes ${c.name}`, () => {
      assert.equal(encodePdu(c.pdu).toString("hex"), c.hex);
      assert.deepEqual(decodePdu(Buffer.from(c.hex, "hex")), {
        ok: true,
        pdu: c.pdu,
      });
    });
  }

  test("round-trips submit_sm with its TLVs", () => {
    assert.deepEqual(decodePdu(encodePdu(submit)), { ok: true, pdu: submit });
  });

  test("reads a response body the SMSC left out on error", () => {
    const raw = Buffer.from("00000010800000040000001400000003", "hex");
    assert.deepEqual(decodePdu(raw), {
      ok: true,
      pdu: {
        command: "submit_sm_resp",
        status: 0x14,
        sequence: 3,
        messageId: "",
      },
    });
  });

  test("keeps unknown commands for a generic_nack", () => {
    const raw = Buffer.from("00000012000001030000000000000009abcd", "hex");
    const decoded = decodePdu(raw);
    assert.equal(decoded.ok && decoded.pdu.command, "unknown");
  });

  const malformed: { name: string; body: string; code: string }[] = [
    {
      name: "a C-string without NUL",
      body: "4142",
      code: "cstring_unterminated",
    },
    {
      name: "a system_id over 15 characters",
      body: `${"41".repeat(16)}00`,
      code: "cstring_too_long",
    },
  ];
  for (const c of malformed) {
    test(`reports ${c.name}`, () => {
      const body = Buffer.from(c.body, "hex");
      const head = Buffer.alloc(16);
      head.writeUInt32BE(16 + body.length, 0);
      head.writeUInt32BE(0x80000009, 4);
      head.writeUInt32BE(4, 12);
      const decoded = decodePdu(Buffer.concat([head, body]));
      assert.equal(decoded.ok ? "decoded" : decoded.code, c.code);
    });
  }

  test("reports a truncated short_message", () => {
    const raw = encodePdu(submit);
    const cut = Buffer.from(raw.subarray(0, raw.length - 10));
    cut.writeUInt32BE(cut.length, 0);
    const decoded = decodePdu(cut);
    assert.equal(decoded.ok ? "decoded" : decoded.code, "pdu_truncated");
  });
});

describe("framing", () => {
  const a = encodePdu({ command: "enquire_link", status: 0, sequence: 1 });
  const b = encodePdu(submit);

  test("cuts whole PDUs and keeps the remainder", () => {
    const stream = Buffer.concat([a, b.subarray(0, 10)]);
    const cut = unframe(stream);
    assert.equal(cut.ok, true);
    if (!cut.ok) return;
    assert.deepEqual(cut.frames, [a]);
    assert.equal(cut.rest.length, 10);
  });

  test("rejects a command_length below the header size", () => {
    assert.deepEqual(unframe(Buffer.from("0000000400000015", "hex")), {
      ok: false,
      code: "pdu_length_invalid",
      length: 4,
    });
  });
});
