// Every malformed request is answered with the Result-Code of RFC 6733 §7.1 over a real
// socket, and never crashes the server.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { gyCcrMessage } from "../../../test/peers/diameter/fixtures.ts";
import { type RawPeer, rawCer, rawPeer, startTestServer, type TestServer } from "../../../test/peers/diameter/harness.ts";
import { type Avp, BaseAvps, CreditControlAvps as Cc, type DiameterMessage, encodeMessage, findAvps, group, isAvp, rawAvp, readValue } from "./index.ts";

let server: TestServer;

before(async () => {
  server = await startTestServer({
    handlers: { "4/272": async () => ({ resultCode: 2001, avps: [] }) },
  });
});
after(() => server.close());

const openPeer = async (): Promise<RawPeer> => {
  const peer = await rawPeer(server.port);
  peer.send(rawCer());
  const cea = await peer.next();
  assert.equal(readValue(cea.avps, BaseAvps.ResultCode), 2001);
  return peer;
};

const ccr = (edit: (avps: Avp[]) => Avp[] = (a) => a, hopByHopId = 10): DiameterMessage => {
  const base = gyCcrMessage("gw;err;1", 1, hopByHopId);
  return { ...base, avps: edit([...base.avps]) };
};

const failedAvps = (answer: DiameterMessage): Avp[] => findAvps(answer.avps, BaseAvps.FailedAvp).flatMap((f) => readValue([f], BaseAvps.FailedAvp) ?? []);

interface Case {
  readonly name: string;
  readonly bytes: () => Buffer;
  readonly resultCode: number;
  readonly errorBit: boolean;
  readonly failed?: (avps: Avp[]) => void;
  readonly closes?: boolean;
}

const unknownMandatory = rawAvp({
  code: 99_999,
  vendorId: 12_345,
  mandatory: true,
  data: Buffer.from("x"),
});

const cases: Case[] = [
  {
    name: "unknown AVP with M bit → 5001 with the AVP in Failed-AVP",
    bytes: () => encodeMessage(ccr((a) => [...a, unknownMandatory])),
    resultCode: 5001,
    errorBit: false,
    failed: ([f]) =>
      assert.deepEqual(f && { code: f.code, vendorId: f.vendorId }, {
        code: 99_999,
        vendorId: 12_345,
      }),
  },
  {
    name: "unknown M-bit AVP nested in MSCC → 5001, Failed-AVP keeps the MSCC around it",
    bytes: () => encodeMessage(ccr((a) => [...a, group(Cc.MultipleServicesCreditControl, [unknownMandatory])])),
    resultCode: 5001,
    errorBit: false,
    failed: ([f]) => {
      assert.ok(f !== undefined && isAvp(f, Cc.MultipleServicesCreditControl));
      assert.equal(readValue([f], Cc.MultipleServicesCreditControl)?.[0]?.code, 99_999);
    },
  },
  {
    name: "unknown AVP without M bit is ignored → 2001",
    bytes: () => encodeMessage(ccr((a) => [...a, rawAvp({ code: 99_998, data: Buffer.from("y") })])),
    resultCode: 2001,
    errorBit: false,
  },
  {
    name: "AVP length running past the message → 5014",
    bytes: () => {
      const bytes = encodeMessage(ccr());
      bytes.writeUIntBE(0xffff, 20 + 5, 3); // first AVP (Session-Id) claims 64 KiB
      return bytes;
    },
    resultCode: 5014,
    errorBit: false,
    failed: ([f]) => assert.equal(f?.code, BaseAvps.SessionId.code),
  },
  {
    name: "Unsigned32 AVP with 3 bytes of data → 5014",
    bytes: () =>
      encodeMessage(
        ccr((a) => [
          ...a.filter((x) => !isAvp(x, Cc.CcRequestNumber)),
          rawAvp({
            code: Cc.CcRequestNumber.code,
            mandatory: true,
            data: Buffer.from([0, 0, 1]),
          }),
        ]),
      ),
    resultCode: 5014,
    errorBit: false,
    failed: ([f]) => assert.equal(f?.code, Cc.CcRequestNumber.code),
  },
  {
    name: "invalid UTF-8 in a UTF8String → 5004",
    bytes: () =>
      encodeMessage(
        ccr((a) => [
          ...a.filter((x) => !isAvp(x, Cc.ServiceContextId)),
          rawAvp({
            code: Cc.ServiceContextId.code,
            mandatory: true,
            data: Buffer.from([0xc3, 0x28]),
          }),
        ]),
      ),
    resultCode: 5004,
    errorBit: false,
  },
  {
    name: "missing CC-Request-Number → 5005 with a zero-filled example",
    bytes: () => encodeMessage(ccr((a) => a.filter((x) => !isAvp(x, Cc.CcRequestNumber)))),
    resultCode: 5005,
    errorBit: false,
    failed: ([f]) => {
      assert.ok(f !== undefined && isAvp(f, Cc.CcRequestNumber));
      assert.equal(f.data.toString("hex"), "00000000");
    },
  },
  {
    name: "missing Subscription-Id-Data inside Subscription-Id → 5005",
    bytes: () =>
      encodeMessage(
        ccr((a) => [
          ...a.filter((x) => !isAvp(x, Cc.SubscriptionId)),
          group(Cc.SubscriptionId, [rawAvp({ code: 450, mandatory: true, data: Buffer.alloc(4) })]),
        ]),
      ),
    resultCode: 5005,
    errorBit: false,
    failed: ([f]) => assert.equal(readValue(f ? [f] : [], Cc.SubscriptionId)?.[0]?.code, 444),
  },
  {
    name: "application not agreed (Gx 16777238) → 3007 with E bit",
    bytes: () => encodeMessage({ ...ccr(), applicationId: 16_777_238 }),
    resultCode: 3007,
    errorBit: true,
  },
  {
    name: "unknown command in Credit-Control → 3001 with E bit",
    bytes: () => encodeMessage({ ...ccr(), commandCode: 999 }),
    resultCode: 3001,
    errorBit: true,
  },
  {
    name: "known command without a handler (ASR) → 3001 with E bit",
    bytes: () => encodeMessage({ ...ccr(), commandCode: 274 }),
    resultCode: 3001,
    errorBit: true,
  },
  {
    name: "E bit set on a request → 3008 with E bit",
    bytes: () => encodeMessage({ ...ccr(), flags: { ...ccr().flags, error: true } }),
    resultCode: 3008,
    errorBit: true,
  },
  {
    name: "version 2 → 5011, then the connection is closed (framing lost)",
    bytes: () => {
      const bytes = encodeMessage(ccr());
      bytes[0] = 2;
      return bytes;
    },
    resultCode: 5011,
    errorBit: false,
    closes: true,
  },
  {
    name: "message length not a multiple of 4 → 5015, then the connection is closed",
    bytes: () => {
      const bytes = encodeMessage(ccr());
      bytes.writeUIntBE(bytes.length - 1, 1, 3);
      return bytes;
    },
    resultCode: 5015,
    errorBit: false,
    closes: true,
  },
];

describe("protocol errors are answered, never crash", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const peer = await openPeer();
      peer.send(c.bytes());
      const answer = await peer.next();
      assert.equal(answer.flags.request, false);
      assert.equal(answer.hopByHopId, 10);
      assert.equal(readValue(answer.avps, BaseAvps.ResultCode), c.resultCode);
      assert.equal(answer.flags.error, c.errorBit);
      assert.equal(readValue(answer.avps, BaseAvps.OriginHost), "ocs.garde-fou.example");
      c.failed?.(failedAvps(answer));
      if (c.resultCode >= 5000 && !c.closes && c.resultCode !== 5014) {
        // Permanent failures keep the CCA grammar: Session-Id first, CC-Request-* echoed.
        assert.ok(answer.avps[0] !== undefined && isAvp(answer.avps[0], BaseAvps.SessionId));
        assert.equal(readValue(answer.avps, Cc.CcRequestType), 2);
      }
      if (c.closes === true) {
        await peer.closed;
      } else {
        peer.socket.destroy();
      }
    });
  }

  it("the server is still serving after all of the above", async () => {
    const peer = await openPeer();
    peer.send(encodeMessage(ccr()));
    const answer = await peer.next();
    assert.equal(readValue(answer.avps, BaseAvps.ResultCode), 2001);
    peer.socket.destroy();
  });

  it("a peer that sends anything but CER first is dropped", async () => {
    const peer = await rawPeer(server.port);
    peer.send(encodeMessage(ccr()));
    await peer.closed;
  });
});
