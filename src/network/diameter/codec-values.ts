// Encoding and decoding of AVP data for every base type (RFC 6733 §4.2, §4.3).
// Encoding a value that cannot be represented (a negative Unsigned32, an IPv4 text that is not
// one) is a bug in the caller and throws RangeError; decoding received bytes never throws.
import { decodeAddress, encodeAddress } from "./codec-address.ts";
import { encodeAvps, parseAvps } from "./codec-avp.ts";
import { decodeTime, encodeTime } from "./codec-time.ts";
import { type AvpType, type AvpValueMap, err, ok, type Result } from "./types.ts";

export interface ValueError {
  readonly code: "invalid_avp_length" | "invalid_avp_value";
  readonly message: string;
}

interface ValueCodec<V> {
  /** Data length for fixed-size types, used for Failed-AVP examples of missing AVPs. */
  readonly size?: number;
  readonly encode: (value: V) => Buffer;
  readonly decode: (data: Buffer) => Result<V, ValueError>;
}

const badLength = (type: AvpType, length: number): ValueError => ({
  code: "invalid_avp_length",
  message: `${type} with ${length} bytes of data`,
});

const badValue = (message: string): ValueError => ({
  code: "invalid_avp_value",
  message,
});

const fixed = <V>(type: AvpType, size: number, write: (buf: Buffer, value: V) => void, read: (data: Buffer) => V): ValueCodec<V> => ({
  size,
  encode: (value) => {
    const buf = Buffer.alloc(size);
    write(buf, value);
    return buf;
  },
  decode: (data) => (data.length === size ? ok(read(data)) : err(badLength(type, data.length))),
});

const utf8 = new TextDecoder("utf-8", { fatal: true });

const utf8String: ValueCodec<string> = {
  encode: (value) => Buffer.from(value, "utf8"),
  decode: (data) => {
    try {
      return ok(utf8.decode(data));
    } catch {
      return err(badValue("UTF8String is not valid UTF-8"));
    }
  },
};

/** DiameterIdentity and DiameterURI are ASCII (internationalised names travel as A-labels). */
const asciiString = (type: AvpType): ValueCodec<string> => ({
  encode: (value) => {
    if (!/^[\x20-\x7e]*$/.test(value)) throw new RangeError(`${type} must be printable ASCII`);
    return Buffer.from(value, "latin1");
  },
  decode: (data) => (data.every((byte) => byte >= 0x20 && byte < 0x7f) ? ok(data.toString("latin1")) : err(badValue(`${type} contains non-ASCII bytes`))),
});

const codecs: { readonly [K in AvpType]: ValueCodec<AvpValueMap[K]> } = {
  // OctetString stays a view on the received buffer: no copy for opaque blobs.
  OctetString: { encode: (value) => value, decode: (data) => ok(data) },
  Integer32: fixed<number>(
    "Integer32",
    4,
    (b, v) => b.writeInt32BE(v),
    (d) => d.readInt32BE(0),
  ),
  Integer64: fixed<bigint>(
    "Integer64",
    8,
    (b, v) => b.writeBigInt64BE(v),
    (d) => d.readBigInt64BE(0),
  ),
  Unsigned32: fixed<number>(
    "Unsigned32",
    4,
    (b, v) => b.writeUInt32BE(v),
    (d) => d.readUInt32BE(0),
  ),
  Unsigned64: fixed<bigint>(
    "Unsigned64",
    8,
    (b, v) => b.writeBigUInt64BE(v),
    (d) => d.readBigUInt64BE(0),
  ),
  Float32: fixed<number>(
    "Float32",
    4,
    (b, v) => b.writeFloatBE(v),
    (d) => d.readFloatBE(0),
  ),
  Float64: fixed<number>(
    "Float64",
    8,
    (b, v) => b.writeDoubleBE(v),
    (d) => d.readDoubleBE(0),
  ),
  Grouped: {
    encode: (children) => encodeAvps(children),
    decode: (data) => {
      const parsed = parseAvps(data);
      return parsed.ok ? parsed : err({ code: "invalid_avp_length", message: parsed.error.message });
    },
  },
  Address: {
    encode: encodeAddress,
    decode: (data) => {
      const decoded = decodeAddress(data);
      if (decoded.ok) return decoded;
      // A wrong size for a known family is a length error in the sense of RFC 6733 §7.1.5.
      return err(badLength("Address", data.length));
    },
  },
  Time: fixed<Date>("Time", 4, (b, v) => encodeTime(v).copy(b), decodeTime),
  UTF8String: utf8String,
  DiameterIdentity: asciiString("DiameterIdentity"),
  DiameterURI: asciiString("DiameterURI"),
  Enumerated: fixed<number>(
    "Enumerated",
    4,
    (b, v) => b.writeInt32BE(v),
    (d) => d.readInt32BE(0),
  ),
  IPFilterRule: asciiString("IPFilterRule"),
};

export const encodeValue = <T extends AvpType>(type: T, value: AvpValueMap[T]): Buffer => codecs[type].encode(value);

export const decodeValue = <T extends AvpType>(type: T, data: Buffer): Result<AvpValueMap[T], ValueError> => codecs[type].decode(data);

/** Zero-filled data of the minimum size for a type: the example RFC 6733 §7.1.5 asks for. */
export const minimumData = (type: AvpType): Buffer => {
  if (type === "Address") return Buffer.from([0, 1, 0, 0, 0, 0]);
  return Buffer.alloc(codecs[type].size ?? 0);
};
