// Octet-level building blocks of SMPP bodies: integers, C-octet strings, octet strings, TLVs,
// and the 16-octet header that frames every PDU on the TCP stream.

import { HEADER_LENGTH, MAX_PDU_LENGTH } from "./constants.ts";

export interface Tlv {
  tag: number;
  value: Buffer;
}

export interface PduHeader {
  commandId: number;
  status: number;
  sequence: number;
}

export type DecodeErrorCode = "pdu_truncated" | "cstring_unterminated" | "cstring_too_long" | "tlv_truncated";

/**
 * Thrown only inside this folder's decoders and caught at their boundary (`decodePdu`), so that
 * a field-by-field decoder reads straight; callers always get a value, never this exception.
 */
export class BodyDecodeError extends Error {
  constructor(
    readonly code: DecodeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export class BodyWriter {
  private readonly chunks: Buffer[] = [];

  u8(value: number): this {
    this.chunks.push(Buffer.from([value & 0xff]));
    return this;
  }

  u32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(value >>> 0);
    this.chunks.push(b);
    return this;
  }

  /** `maxLength` counts the terminating NUL, as the specification's field sizes do. */
  cString(value: string, maxLength: number, field: string): this {
    const bytes = Buffer.from(value, "latin1");
    if (bytes.length + 1 > maxLength || bytes.includes(0)) {
      throw new RangeError(`${field} does not fit a C-octet string of ${maxLength}`);
    }
    this.chunks.push(bytes, Buffer.from([0]));
    return this;
  }

  octets(value: Buffer): this {
    this.chunks.push(value);
    return this;
  }

  tlv(tlv: Tlv): this {
    const head = Buffer.alloc(4);
    head.writeUInt16BE(tlv.tag);
    head.writeUInt16BE(tlv.value.length, 2);
    this.chunks.push(head, tlv.value);
    return this;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

export class BodyReader {
  private offset = 0;

  constructor(private readonly body: Buffer) {}

  get remaining(): number {
    return this.body.length - this.offset;
  }

  u8(field: string): number {
    this.need(1, field);
    const v = this.body.readUInt8(this.offset);
    this.offset += 1;
    return v;
  }

  cString(maxLength: number, field: string): string {
    const end = this.body.indexOf(0, this.offset);
    if (end < 0) throw new BodyDecodeError("cstring_unterminated", `${field} has no NUL`);
    if (end - this.offset + 1 > maxLength) {
      throw new BodyDecodeError("cstring_too_long", `${field} is longer than ${maxLength - 1}`);
    }
    const v = this.body.toString("latin1", this.offset, end);
    this.offset = end + 1;
    return v;
  }

  octets(length: number, field: string): Buffer {
    this.need(length, field);
    const v = this.body.subarray(this.offset, this.offset + length);
    this.offset += length;
    return Buffer.from(v);
  }

  /** Optional parameters run to the end of the body. */
  tlvs(): Tlv[] {
    const out: Tlv[] = [];
    while (this.remaining > 0) {
      if (this.remaining < 4) throw new BodyDecodeError("tlv_truncated", "TLV header cut short");
      const tag = this.body.readUInt16BE(this.offset);
      const length = this.body.readUInt16BE(this.offset + 2);
      this.offset += 4;
      if (this.remaining < length) {
        throw new BodyDecodeError("tlv_truncated", `TLV 0x${tag.toString(16)} value cut short`);
      }
      out.push({ tag, value: this.octets(length, "tlv") });
    }
    return out;
  }

  private need(length: number, field: string): void {
    if (this.remaining < length) throw new BodyDecodeError("pdu_truncated", `${field} cut short`);
  }
}

export function frame(header: PduHeader, body: Buffer): Buffer {
  const head = Buffer.alloc(HEADER_LENGTH);
  head.writeUInt32BE(HEADER_LENGTH + body.length, 0);
  head.writeUInt32BE(header.commandId >>> 0, 4);
  head.writeUInt32BE(header.status >>> 0, 8);
  head.writeUInt32BE(header.sequence >>> 0, 12);
  return Buffer.concat([head, body]);
}

export type Unframed = { ok: true; frames: Buffer[]; rest: Buffer } | { ok: false; code: "pdu_length_invalid"; length: number };

/**
 * Cuts whole PDUs off the front of what TCP delivered so far. A length outside the protocol's
 * range means the stream is desynchronised; the only safe answer is to drop the connection.
 */
export function unframe(buffered: Buffer): Unframed {
  const frames: Buffer[] = [];
  let offset = 0;
  while (buffered.length - offset >= 4) {
    const length = buffered.readUInt32BE(offset);
    if (length < HEADER_LENGTH || length > MAX_PDU_LENGTH) {
      return { ok: false, code: "pdu_length_invalid", length };
    }
    if (buffered.length - offset < length) break;
    frames.push(buffered.subarray(offset, offset + length));
    offset += length;
  }
  return { ok: true, frames, rest: buffered.subarray(offset) };
}

export function readHeader(pdu: Buffer): PduHeader & { body: Buffer } {
  return {
    commandId: pdu.readUInt32BE(4),
    status: pdu.readUInt32BE(8),
    sequence: pdu.readUInt32BE(12),
    body: pdu.subarray(HEADER_LENGTH),
  };
}
