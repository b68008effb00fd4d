// The fixed 20-byte Diameter header (RFC 6733 §3).
import type { MessageFlags } from "./types.ts";

export const HEADER_LENGTH = 20;
export const DIAMETER_VERSION = 1;

const FLAG_REQUEST = 0x80;
const FLAG_PROXIABLE = 0x40;
const FLAG_ERROR = 0x20;
const FLAG_RETRANSMITTED = 0x10;

/** The header as read, before any judgement: error answers are built from it. */
export interface RawHeader {
  readonly version: number;
  readonly length: number;
  readonly flags: MessageFlags;
  readonly commandCode: number;
  readonly applicationId: number;
  readonly hopByHopId: number;
  readonly endToEndId: number;
}

export const flagsFromByte = (byte: number): MessageFlags => ({
  request: (byte & FLAG_REQUEST) !== 0,
  proxiable: (byte & FLAG_PROXIABLE) !== 0,
  error: (byte & FLAG_ERROR) !== 0,
  retransmitted: (byte & FLAG_RETRANSMITTED) !== 0,
});

export const flagsToByte = (flags: MessageFlags): number =>
  (flags.request ? FLAG_REQUEST : 0) | (flags.proxiable ? FLAG_PROXIABLE : 0) | (flags.error ? FLAG_ERROR : 0) | (flags.retransmitted ? FLAG_RETRANSMITTED : 0);

/** Caller guarantees at least HEADER_LENGTH bytes from `offset`. */
export const readHeader = (buf: Buffer, offset = 0): RawHeader => ({
  version: buf.readUInt8(offset),
  length: buf.readUIntBE(offset + 1, 3),
  flags: flagsFromByte(buf.readUInt8(offset + 4)),
  commandCode: buf.readUIntBE(offset + 5, 3),
  applicationId: buf.readUInt32BE(offset + 8),
  hopByHopId: buf.readUInt32BE(offset + 12),
  endToEndId: buf.readUInt32BE(offset + 16),
});

export const writeHeader = (buf: Buffer, header: Omit<RawHeader, "version">, offset = 0): void => {
  buf.writeUInt8(DIAMETER_VERSION, offset);
  buf.writeUIntBE(header.length, offset + 1, 3);
  buf.writeUInt8(flagsToByte(header.flags), offset + 4);
  buf.writeUIntBE(header.commandCode, offset + 5, 3);
  buf.writeUInt32BE(header.applicationId >>> 0, offset + 8);
  buf.writeUInt32BE(header.hopByHopId >>> 0, offset + 12);
  buf.writeUInt32BE(header.endToEndId >>> 0, offset + 16);
};

/** Length problems break framing: a stream with such a header cannot be resynchronised. */
export const isValidMessageLength = (length: number, maxLength: number): boolean => length >= HEADER_LENGTH && length % 4 === 0 && length <= maxLength;
