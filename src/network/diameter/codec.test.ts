import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type AvpDef,
  type AvpType,
  type AvpValueMap,
  avp,
  BaseAvps,
  CreditControlAvps,
  type DiameterMessage,
  decodeMessage,
  decodeValue,
  defineAvp,
  encodeMessage,
  encodeValue,
  group,
  ipv4,
  ipv6,
  readValue,
  readValues,
  SyAvps,
  TgppAvps,
} from "./index.ts";

const roundTrip = <T extends AvpType>(type: T, value: AvpValueMap[T]): AvpValueMap[T] => {
  const decoded = decodeValue(type, encodeValue(type, value));
  assert.ok(decoded.ok, `decode ${type}`);
  return decoded.value;
};

describe("value codec: every base type survives a round trip", () => {
  const cases: {
    name: string;
    type: AvpType;
    value: AvpValueMap[AvpType];
    bytes?: string;
  }[] = [
    {
      name: "OctetString",
      type: "OctetString",
      value: Buffer.from([0, 1, 0xff]),
      bytes: "0001ff",
    },
    {
      name: "Integer32 negative",
      type: "Integer32",
      value: -5,
      bytes: "fffffffb",
    },
    {
      name: "Integer64 beyond 2^53",
      type: "Integer64",
      value: -(2n ** 60n) - 7n,
    },
    {
      name: "Unsigned32 max",
      type: "Unsigned32",
      value: 0xffffffff,
      bytes: "ffffffff",
    },
    {
      name: "Unsigned64 max",
      type: "Unsigned64",
      value: 2n ** 64n - 1n,
      bytes: "ffffffffffffffff",
    },
    { name: "Float32", type: "Float32", value: 1.5, bytes: "3fc00000" },
    { name: "Float64", type: "Float64", value: -0.1 },
    {
      name: "UTF8String non-ASCII",
      type: "UTF8String",
      value: "Liège €",
      bytes: "4c69c3a8676520e282ac",
    },
    {
      name: "DiameterIdentity",
      type: "DiameterIdentity",
      value: "ocs.garde-fou.example",
    },
    {
      name: "DiameterURI",
      type: "DiameterURI",
      value: "aaa://ocs.example:3868;transport=tcp",
    },
    { name: "Enumerated", type: "Enumerated", value: 3, bytes: "00000003" },
    {
      name: "IPFilterRule",
      type: "IPFilterRule",
      value: "permit out ip from any to 10.0.0.1",
    },
    {
      name: "Address IPv4",
      type: "Address",
      value: ipv4("192.0.2.10"),
      bytes: "0001c000020a",
    },
    {
      name: "Address IPv6 (canonical text)",
      type: "Address",
      value: ipv6("2001:db8::1"),
      bytes: "000220010db8000000000000000000000001",
    },
    {
      name: "Address of another family (E.164)",
      type: "Address",
      value: {
        family: "other",
        familyNumber: 8,
        bytes: Buffer.from("33612345678"),
      },
    },
    { name: "Time", type: "Time", value: new Date("2025-06-01T12:00:00Z") },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const encoded = encodeValue(c.type, c.value);
      if (c.bytes !== undefined) assert.equal(encoded.toString("hex"), c.bytes);
      assert.deepEqual(roundTrip(c.type, c.value), c.value);
    });
  }

  it("Time uses NTP seconds since 1900 and survives the 2036 wrap", () => {
    // 2000-01-01T00:00:00Z is 3155673600 s after 1900-01-01 (0xbc17c200).
    assert.equal(encodeValue("Time", new Date("2000-01-01T00:00:00Z")).toString("hex"), "bc17c200");
    const after = new Date("2040-01-01T00:00:00Z");
    assert.ok(encodeValue("Time", after).readUInt32BE(0) < 2 ** 31, "era 1 value has MSB clear");
    assert.deepEqual(roundTrip("Time", after), after);
    assert.throws(() => encodeValue("Time", new Date("1950-01-01T00:00:00Z")), RangeError);
  });

  it("IPv6 text is normalised (RFC 5952) and accepts an embedded IPv4 tail", () => {
    assert.deepEqual(roundTrip("Address", ipv6("2001:DB8:0:0:1:0:0:1")), ipv6("2001:db8::1:0:0:1"));
    assert.deepEqual(roundTrip("Address", ipv6("::ffff:192.0.2.1")), ipv6("::ffff:c000:201"));
    assert.deepEqual(roundTrip("Address", ipv6("::")), ipv6("::"));
  });

  it("Grouped holds AVPs, vendor-specific ones included", () => {
    const children = [avp(TgppAvps.TgppSgsnMccMnc, "20610"), avp(BaseAvps.VendorId, 10415)];
    const decoded = roundTrip("Grouped", children);
    assert.equal(decoded.length, 2);
    assert.equal(readValue(decoded, TgppAvps.TgppSgsnMccMnc), "20610");
  });

  it("rejects wrong sizes and bad text as values, never by throwing", () => {
    const short = decodeValue("Unsigned32", Buffer.from([1, 2, 3]));
    assert.deepEqual(short.ok ? undefined : short.error.code, "invalid_avp_length");
    const badUtf8 = decodeValue("UTF8String", Buffer.from([0xc3, 0x28]));
    assert.deepEqual(badUtf8.ok ? undefined : badUtf8.error.code, "invalid_avp_value");
    const ipv4Short = decodeValue("Address", Buffer.from([0, 1, 10, 0]));
    assert.deepEqual(ipv4Short.ok ? undefined : ipv4Short.error.code, "invalid_avp_length");
    const nonAscii = decodeValue("DiameterIdentity", Buffer.from("hôte"));
    assert.deepEqual(nonAscii.ok ? undefined : nonAscii.error.code, "invalid_avp_value");
  });

  it("refuses to encode values the type cannot hold (caller bug)", () => {
    assert.throws(() => encodeValue("Unsigned32", -1), RangeError);
    assert.throws(() => encodeValue("Unsigned64", -1n), RangeError);
    assert.throws(() => encodeValue("Address", ipv4("300.1.1.1")), RangeError);
  });
});

describe("AVP header: flags, vendor id, padding", () => {
  const message = (avps: DiameterMessage["avps"]): DiameterMessage => ({
    flags: {
      request: true,
      proxiable: true,
      error: false,
      retransmitted: true,
    },
    commandCode: 272,
    applicationId: 4,
    hopByHopId: 0xdeadbeef,
    endToEndId: 0x01020304,
    avps,
  });

  it("writes the exact RFC 6733 header layout", () => {
    const bytes = encodeMessage(message([]));
    assert.equal(bytes.toString("hex"), "01000014d0000110" + "00000004" + "deadbeef" + "01020304");
  });

  it("pads data to 4 bytes without counting padding in the AVP length", () => {
    const bytes = encodeMessage(message([avp(BaseAvps.SessionId, "abcde")]));
    // code 263, flags M, length 8 + 5 = 13, then "abcde" and 3 zero bytes.
    assert.equal(bytes.subarray(20).toString("hex"), "00000107" + "4000000d" + "6162636465" + "000000");
    assert.equal(bytes.length, 20 + 16);
  });

  it("sets V and writes Vendor-Id for 3GPP AVPs; leaves M clear where the spec says so", () => {
    const bytes = encodeMessage(message([avp(SyAvps.SnRequestType, 1)]));
    assert.equal(bytes.subarray(20).toString("hex"), "00000b5b" + "80000010" + "000028af" + "00000001");
  });

  it("decodes header fields, flags and nested vendor AVPs back", () => {
    const original = message([
      avp(BaseAvps.SessionId, "gw;1;2"),
      avp(CreditControlAvps.CcRequestType, CreditControlAvps.CcRequestType.values.UPDATE_REQUEST),
      group(TgppAvps.ServiceInformation, [
        group(TgppAvps.PsInformation, [avp(TgppAvps.TgppSgsnMccMnc, "20610"), avp(TgppAvps.TgppUserLocationInfo, Buffer.from("8202f6100001", "hex"))]),
      ]),
      avp(CreditControlAvps.CcTotalOctets, 5_000_000_000n),
    ]);
    const decoded = decodeMessage(encodeMessage(original));
    assert.ok(decoded.ok);
    const m = decoded.value;
    assert.deepEqual(m.flags, original.flags);
    assert.equal(m.hopByHopId, 0xdeadbeef);
    assert.equal(readValue(m.avps, CreditControlAvps.CcRequestType), 2);
    assert.equal(readValue(m.avps, CreditControlAvps.CcTotalOctets), 5_000_000_000n);
    const service = readValue(m.avps, TgppAvps.ServiceInformation) ?? [];
    const ps = readValue(service, TgppAvps.PsInformation) ?? [];
    assert.equal(readValue(ps, TgppAvps.TgppSgsnMccMnc), "20610");
    assert.equal(readValue(ps, TgppAvps.TgppUserLocationInfo)?.toString("hex"), "8202f6100001");
    assert.deepEqual(readValues(m.avps, BaseAvps.SessionId), ["gw;1;2"]);
  });

  it("decodes OctetString as a view on the received bytes (no copy)", () => {
    const bytes = encodeMessage(message([avp(BaseAvps.Class, Buffer.from("opaque"))]));
    const decoded = decodeMessage(bytes);
    assert.ok(decoded.ok);
    const value = readValue(decoded.value.avps, BaseAvps.Class);
    assert.ok(value !== undefined);
    assert.equal(value.buffer, bytes.buffer);
  });

  it("keeps AVPs outside the dictionary as raw bytes", () => {
    const custom: AvpDef<"UTF8String"> = defineAvp({
      name: "X-Custom",
      code: 99_999,
      vendorId: 12_345,
      type: "UTF8String",
      mandatory: "may",
    });
    const decoded = decodeMessage(encodeMessage(message([avp(custom, "x")])));
    assert.ok(decoded.ok);
    assert.equal(decoded.value.avps[0]?.vendorId, 12_345);
    assert.equal(readValue(decoded.value.avps, custom), "x");
  });
});
