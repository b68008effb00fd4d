// Whole messages: header + AVPs. The framer hands us exactly one message's bytes.
import { avpWireSize, parseAvps, writeAvp } from "./codec-avp.ts";
import { DIAMETER_VERSION, HEADER_LENGTH, type RawHeader, readHeader, writeHeader } from "./codec-header.ts";
import type { DiameterProblem } from "./problems.ts";
import { type DiameterMessage, err, ok, type Result } from "./types.ts";

export const encodeMessage = (message: DiameterMessage): Buffer => {
  let length = HEADER_LENGTH;
  for (const avp of message.avps) length += avpWireSize(avp);
  const buf = Buffer.allocUnsafe(length);
  writeHeader(buf, { ...message, length });
  let offset = HEADER_LENGTH;
  for (const avp of message.avps) offset = writeAvp(buf, avp, offset);
  return buf;
};

/** Why a message could not be decoded, with its header when readable so it can be answered. */
export interface DecodeFailure {
  readonly problem: DiameterProblem;
  readonly header?: RawHeader;
}

/**
 * Decodes the header and splits the AVPs (values stay raw until read). AVP data are views on
 * `bytes`, so the caller must not reuse that buffer while the message is alive.
 */
export const decodeMessage = (bytes: Buffer): Result<DiameterMessage, DecodeFailure> => {
  if (bytes.length < HEADER_LENGTH) {
    return err({
      problem: {
        code: "invalid_message_length",
        message: `only ${bytes.length} bytes`,
      },
    });
  }
  const header = readHeader(bytes);
  if (header.version !== DIAMETER_VERSION) {
    const message = `version ${header.version}, expected ${DIAMETER_VERSION}`;
    return err({ header, problem: { code: "unsupported_version", message } });
  }
  if (header.length !== bytes.length || header.length % 4 !== 0) {
    const message = `header length ${header.length} for ${bytes.length} bytes`;
    return err({
      header,
      problem: { code: "invalid_message_length", message },
    });
  }
  const avps = parseAvps(bytes.subarray(HEADER_LENGTH));
  if (!avps.ok) return err({ header, problem: avps.error });
  return ok({
    flags: header.flags,
    commandCode: header.commandCode,
    applicationId: header.applicationId,
    hopByHopId: header.hopByHopId,
    endToEndId: header.endToEndId,
    avps: avps.value,
  });
};
