// The RFC 5322 / MIME message of an e-mail notice: text and HTML alternatives, all 7-bit.

import { createHash } from "node:crypto";
import type { OutboundMessage } from "../channel.ts";
import { encodeHeaderValue, quotedPrintable } from "./encoding.ts";

export interface Sender {
  address: string;
  name: string | undefined;
}

export interface BuiltMessage {
  messageId: string;
  /** Header and body, CRLF line ends, not yet dot-stuffed. */
  data: string;
}

/**
 * Message-ID and boundary derive from the idempotency key: a notice sent twice (a retry after a
 * lost "250") carries the same Message-ID, which lets receiving systems drop the duplicate.
 */
export function buildMessage(m: OutboundMessage, from: Sender, date: Date): BuiltMessage {
  const digest = createHash("sha256").update(m.idempotencyKey).digest("hex");
  const domain = from.address.slice(from.address.lastIndexOf("@") + 1);
  const messageId = `<gf.${digest.slice(0, 32)}@${domain}>`;
  const headers = [
    `From: ${from.name === undefined ? from.address : `${displayName(from.name)} <${from.address}>`}`,
    `To: ${m.to}`,
    `Subject: ${encodeHeaderValue(m.subject ?? "")}`,
    `Date: ${rfc5322Date(date)}`,
    `Message-ID: ${messageId}`,
    "MIME-Version: 1.0",
    // RFC 3834: keeps vacation responders from answering a notice.
    "Auto-Submitted: auto-generated",
    ...(m.urgent ? ["Importance: high", "X-Priority: 1"] : []),
  ];
  const text = part("text/plain", m.text);
  if (m.html === undefined) {
    return {
      messageId,
      data: [...headers, ...text.headers, "", text.body, ""].join("\r\n"),
    };
  }
  // "=_" can occur in neither quoted-printable nor base64 output, so no body can end a part.
  const boundary = `=_gf_${digest.slice(32, 56)}`;
  const html = part("text/html", m.html);
  const body = [`--${boundary}`, ...text.headers, "", text.body, `--${boundary}`, ...html.headers, "", html.body, `--${boundary}--`, ""];
  return {
    messageId,
    data: [...headers, `Content-Type: multipart/alternative; boundary="${boundary}"`, "", ...body].join("\r\n"),
  };
}

function part(type: string, content: string): { headers: string[]; body: string } {
  return {
    headers: [`Content-Type: ${type}; charset=utf-8`, "Content-Transfer-Encoding: quoted-printable"],
    body: quotedPrintable(content),
  };
}

/** A display name is a phrase: quote it when it holds specials, encode it when not ASCII. */
function displayName(name: string): string {
  const encoded = encodeHeaderValue(name);
  if (encoded !== name.replace(/[\r\n]+/g, " ")) return encoded;
  return /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]*$/.test(encoded) ? encoded : `"${encoded.replace(/["\\]/g, "\\$&")}"`;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** RFC 5322 §3.3 in UTC, numeric zone (the "GMT" of toUTCString is obsolete syntax). */
export function rfc5322Date(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return (
    `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`
  );
}
