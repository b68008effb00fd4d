// Time AVP format (RFC 6733 §4.3.1): the first 4 bytes of an NTP timestamp, seconds since
// 1900-01-01T00:00:00Z. The 32-bit count wraps on 2036-02-07T06:28:16Z; we use the RFC 4330
// §3 convention so that gateways running past 2036 still decode: a value whose most
// significant bit is clear counts from the wrap instead of from 1900. The price is that
// dates before 1968-01-20T03:14:08Z cannot be sent, which no charging record needs.

const SECONDS_1900_TO_1970 = 2_208_988_800;
const ERA = 2 ** 32;
const MSB = 2 ** 31;

/** Earliest and latest instants representable with the convention above (ms since 1970). */
const MIN_MS = (MSB - SECONDS_1900_TO_1970) * 1000;
const MAX_MS = (MSB + ERA - SECONDS_1900_TO_1970) * 1000 - 1;

export const encodeTime = (value: Date): Buffer => {
  const ms = value.getTime();
  if (!(ms >= MIN_MS && ms <= MAX_MS)) {
    throw new RangeError(`Time out of the representable range: ${value.toISOString()}`);
  }
  const seconds = Math.floor(ms / 1000) + SECONDS_1900_TO_1970;
  const buf = Buffer.alloc(4);
  buf.writeUInt32BE(seconds % ERA);
  return buf;
};

/** Caller checked the length (4 bytes). */
export const decodeTime = (data: Buffer): Date => {
  const raw = data.readUInt32BE(0);
  const seconds = raw >= MSB ? raw : raw + ERA;
  return new Date((seconds - SECONDS_1900_TO_1970) * 1000);
};
