// Turns a notice's text into the short_message of each submit_sm: choice of alphabet, and
// concatenation (3GPP TS 23.040 §9.2.3.24.1) when it does not fit one SMS.

import { DataCoding, EsmClass } from "./constants.ts";
import { gsm7Septets } from "./gsm7.ts";

/** Octets of short_message per SMS, UDH included, once the SMSC packs septets into 140 octets. */
const CAPACITY = {
  gsm7: { single: 160, part: 153 },
  // UCS-2: 70 characters alone, 67 per part (the 6-octet UDH leaves 134 octets).
  ucs2: { single: 140, part: 134 },
} as const;

const UDH_LENGTH = 6;
/** A UDH reference is one octet, so at most 255 parts can be told apart. */
const PROTOCOL_MAX_PARTS = 255;

export interface SmsPart {
  esmClass: number;
  shortMessage: Buffer;
}

export interface SmsPlan {
  dataCoding: number;
  /** In sending order; more than one means each starts with a concatenation UDH. */
  parts: SmsPart[];
}

export type SmsPlanResult = { ok: true; plan: SmsPlan } | { ok: false; code: "sms_empty" | "sms_too_long"; message: string };

export function planSms(raw: string, reference: number, maxParts: number): SmsPlanResult {
  // Decomposed accents (e + U+0301, as some editors save them) are not in GSM 03.38 and
  // would force UCS-2, halving what fits in one SMS; their composed forms often are.
  const text = raw.normalize("NFC");
  if (text.length === 0) return { ok: false, code: "sms_empty", message: "the SMS text is empty" };
  const gsm = gsm7Units(text);
  const [dataCoding, units, capacity] = gsm === undefined ? [DataCoding.ucs2, ucs2Units(text), CAPACITY.ucs2] : [DataCoding.smscDefault, gsm, CAPACITY.gsm7];
  const total = units.reduce((sum, u) => sum + u.length, 0);
  if (total <= capacity.single) {
    return {
      ok: true,
      plan: {
        dataCoding,
        parts: [{ esmClass: 0, shortMessage: Buffer.concat(units) }],
      },
    };
  }
  const chunks = fill(units, capacity.part);
  const limit = Math.min(maxParts, PROTOCOL_MAX_PARTS);
  if (chunks.length > limit) {
    return {
      ok: false,
      code: "sms_too_long",
      message: `the text needs ${chunks.length} SMS parts; at most ${limit} are allowed`,
    };
  }
  const parts = chunks.map((chunk, i) => ({
    esmClass: EsmClass.udhi,
    shortMessage: Buffer.concat([udh(reference, chunks.length, i + 1), chunk]),
  }));
  return { ok: true, plan: { dataCoding, parts } };
}

/** IEI 0x00 (concatenated SMS, 8-bit reference): UDHL, IEI, IEDL, reference, total, number. */
export function udh(reference: number, total: number, sequence: number): Buffer {
  return Buffer.from([UDH_LENGTH - 1, 0x00, 0x03, reference & 0xff, total, sequence]);
}

/** One entry per character so that parts never cut an escape sequence or a surrogate pair. */
function gsm7Units(text: string): Buffer[] | undefined {
  const units: Buffer[] = [];
  for (const char of text) {
    const septets = gsm7Septets(char);
    if (septets === undefined) return undefined;
    units.push(Buffer.from(septets));
  }
  return units;
}

function ucs2Units(text: string): Buffer[] {
  return Array.from(text, (char) => encodeUcs2(char));
}

/** UTF-16BE: what handsets accept under data_coding 0x08, surrogate pairs included. */
export function encodeUcs2(text: string): Buffer {
  return Buffer.from(text, "utf16le").swap16();
}

export function decodeUcs2(octets: Buffer): string {
  const even = Buffer.from(octets.subarray(0, octets.length - (octets.length % 2)));
  return even.swap16().toString("utf16le");
}

function fill(units: Buffer[], capacity: number): Buffer[] {
  const chunks: Buffer[] = [];
  let current: Buffer[] = [];
  let size = 0;
  for (const unit of units) {
    if (size + unit.length > capacity) {
      chunks.push(Buffer.concat(current));
      current = [];
      size = 0;
    }
    current.push(unit);
    size += unit.length;
  }
  if (current.length > 0) chunks.push(Buffer.concat(current));
  return chunks;
}
