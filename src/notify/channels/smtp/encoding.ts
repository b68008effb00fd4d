// Transfer encodings that keep French accents intact over any SMTP relay, 7-bit ones included.

const MAX_LINE = 76;

/**
 * Quoted-printable (RFC 2045 §6.7) of UTF-8 text. Line breaks become CRLF; lines are broken
 * with soft breaks so that none exceeds 76 characters; whitespace before a break is encoded,
 * since relays may strip it.
 */
export function quotedPrintable(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(encodeLine)
    .join("\r\n");
}

function encodeLine(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  const tokens: string[] = [];
  bytes.forEach((b, i) => {
    const last = i === bytes.length - 1;
    const literal = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
    tokens.push(literal ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, "0")}`);
  });
  const out: string[] = [];
  let current = "";
  for (const token of tokens) {
    // Room is kept for the "=" of a soft break.
    if (current.length + token.length > MAX_LINE - 1) {
      out.push(`${current}=`);
      current = "";
    }
    current += token;
  }
  out.push(current);
  return out.join("\r\n");
}

/** RFC 2047 encoded-words carry at most 75 characters: "=?UTF-8?B?" + 60 base64 + "?=". */
const WORD_BYTES = 45;

/**
 * A header value safe for any relay: printable ASCII is kept as is; anything else becomes
 * base64 encoded-words, cut between characters (never inside one) and folded one per line.
 * CR and LF are flattened first, so a value can never start a header of its own.
 */
export function encodeHeaderValue(value: string): string {
  const flat = value.replace(/[\r\n]+/g, " ");
  if (/^[\x20-\x7e]*$/.test(flat)) return flat;
  const words: string[] = [];
  let chunk: Buffer[] = [];
  let size = 0;
  for (const char of flat) {
    const bytes = Buffer.from(char, "utf8");
    if (size + bytes.length > WORD_BYTES) {
      words.push(encodedWord(chunk));
      chunk = [];
      size = 0;
    }
    chunk.push(bytes);
    size += bytes.length;
  }
  if (chunk.length > 0) words.push(encodedWord(chunk));
  return words.join("\r\n ");
}

function encodedWord(chunk: Buffer[]): string {
  return `=?UTF-8?B?${Buffer.concat(chunk).toString("base64")}?=`;
}

/** SMTP transparency (RFC 5321 §4.5.2): a line starting with "." gets one more. */
export function dotStuff(message: string): string {
  return message.replace(/^\./gm, "..");
}
