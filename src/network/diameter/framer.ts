// Cuts a TCP byte stream into Diameter messages. One read may hold several messages, or a
// fraction of one; the Message Length field in bytes 1-3 is the only delimiter.
import { DIAMETER_VERSION, HEADER_LENGTH, isValidMessageLength, type RawHeader, readHeader } from "./codec-header.ts";
import type { DiameterProblem } from "./problems.ts";

export type FrameEvent =
  | { readonly kind: "message"; readonly bytes: Buffer }
  /** The stream is lost: the connection must be closed (after answering, if possible). */
  | {
      readonly kind: "fatal";
      readonly problem: DiameterProblem;
      readonly header: RawHeader;
    };

/** 1 MiB: far above any charging message, low enough that a bogus length cannot exhaust memory. */
export const DEFAULT_MAX_MESSAGE_LENGTH = 1 << 20;

export class MessageFramer {
  private readonly maxLength: number;
  /** Unconsumed bytes, kept as chunks so a large message split over many reads is copied once. */
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Bytes needed before it is worth looking again (a header, or the whole next message). */
  private needed = HEADER_LENGTH;
  private failed = false;

  constructor(maxLength = DEFAULT_MAX_MESSAGE_LENGTH) {
    this.maxLength = maxLength;
  }

  push(chunk: Buffer): FrameEvent[] {
    if (this.failed || chunk.length === 0) return [];
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.buffered < this.needed) return [];

    // Messages that arrived whole inside one chunk are returned as views on it (no copy).
    let buf = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks, this.buffered);
    const events: FrameEvent[] = [];
    let offset = 0;
    while (buf.length - offset >= HEADER_LENGTH) {
      const header = readHeader(buf, offset);
      const problem = this.check(header);
      if (problem !== undefined) {
        this.failed = true;
        events.push({ kind: "fatal", problem, header });
        buf = Buffer.alloc(0);
        offset = 0;
        break;
      }
      if (buf.length - offset < header.length) break;
      events.push({
        kind: "message",
        bytes: buf.subarray(offset, offset + header.length),
      });
      offset += header.length;
    }
    const rest = buf.subarray(offset);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    this.needed = rest.length >= HEADER_LENGTH ? readHeader(rest).length : HEADER_LENGTH;
    return events;
  }

  private check(header: RawHeader): DiameterProblem | undefined {
    if (header.version !== DIAMETER_VERSION) {
      return {
        code: "unsupported_version",
        message: `version ${header.version}`,
      };
    }
    if (!isValidMessageLength(header.length, this.maxLength)) {
      return {
        code: "invalid_message_length",
        message: `message length ${header.length}`,
      };
    }
    return undefined;
  }
}
