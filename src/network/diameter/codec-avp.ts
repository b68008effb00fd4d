// AVP framing (RFC 6733 §4.1): header, optional Vendor-Id, data, padding to 32 bits.
// Values are not interpreted here; that needs the dictionary (codec-values.ts).
import type { DiameterProblem } from "./problems.ts";
import { type Avp, AvpFlag, err, ok, type Result } from "./types.ts";

const BASE_HEADER = 8;
const VENDOR_HEADER = 12;

export const padded = (length: number): number => (length + 3) & ~3;

export const avpHeaderLength = (flags: number): number => ((flags & AvpFlag.vendor) !== 0 ? VENDOR_HEADER : BASE_HEADER);

/** Bytes an AVP occupies on the wire, padding included. */
export const avpWireSize = (avp: Avp): number => avpHeaderLength(avp.flags) + padded(avp.data.length);

/** Writes one AVP and returns the offset after its padding. Padding bytes are zeroed. */
export const writeAvp = (buf: Buffer, avp: Avp, offset: number): number => {
  const headerLength = avpHeaderLength(avp.flags);
  const length = headerLength + avp.data.length;
  buf.writeUInt32BE(avp.code >>> 0, offset);
  buf.writeUInt8(avp.flags & 0xff, offset + 4);
  buf.writeUIntBE(length, offset + 5, 3);
  if (headerLength === VENDOR_HEADER) buf.writeUInt32BE(avp.vendorId >>> 0, offset + 8);
  avp.data.copy(buf, offset + headerLength);
  const end = offset + padded(length);
  buf.fill(0, offset + length, end);
  return end;
};

export const encodeAvps = (avps: readonly Avp[]): Buffer => {
  let size = 0;
  for (const avp of avps) size += avpWireSize(avp);
  const buf = Buffer.allocUnsafe(size);
  let offset = 0;
  for (const avp of avps) offset = writeAvp(buf, avp, offset);
  return buf;
};

const lengthProblem = (avp: Avp, message: string): DiameterProblem => ({
  code: "invalid_avp_length",
  message,
  failedAvp: avp,
});

/**
 * Splits a run of AVPs (a message body or a Grouped value) without copying: each `data` is a
 * subarray of `buf`. A bad AVP Length makes the rest of the run unreadable, hence one error.
 */
export const parseAvps = (buf: Buffer): Result<Avp[], DiameterProblem> => {
  const avps: Avp[] = [];
  let offset = 0;
  while (offset < buf.length) {
    if (buf.length - offset < BASE_HEADER) {
      const stub: Avp = {
        code: 0,
        flags: 0,
        vendorId: 0,
        data: Buffer.alloc(0),
      };
      return err(lengthProblem(stub, `truncated AVP header at offset ${offset}`));
    }
    const code = buf.readUInt32BE(offset);
    const flags = buf.readUInt8(offset + 4);
    const length = buf.readUIntBE(offset + 5, 3);
    const headerLength = avpHeaderLength(flags);
    const vendorId = headerLength === VENDOR_HEADER && buf.length - offset >= VENDOR_HEADER ? buf.readUInt32BE(offset + 8) : 0;
    if (length < headerLength || offset + length > buf.length) {
      // RFC 6733 §7.5: the header with an empty payload is enough to identify the culprit.
      const stub: Avp = { code, flags, vendorId, data: Buffer.alloc(0) };
      return err(lengthProblem(stub, `AVP ${code} has length ${length} at offset ${offset}`));
    }
    avps.push({
      code,
      flags,
      vendorId,
      data: buf.subarray(offset + headerLength, offset + length),
    });
    // A sender that omits the final padding is tolerated: the next AVP cannot exist anyway.
    offset = Math.min(offset + padded(length), buf.length);
  }
  return ok(avps);
};
