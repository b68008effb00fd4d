/**
 * WinAnsiEncoding (PDF 1.4, Annex D): the encoding of the standard Type 1 fonts that covers
 * French. 0x20–0x7E and 0xA0–0xFF are ASCII and Latin-1; 0x80–0x9F hold the euro sign,
 * typographic quotes and dashes and the OE ligature, which Latin-1 lacks.
 */
const HIGH: Readonly<Record<string, number>> = {
  "€": 0x80,
  "‚": 0x82,
  ƒ: 0x83,
  "„": 0x84,
  "…": 0x85,
  "†": 0x86,
  "‡": 0x87,
  ˆ: 0x88,
  "‰": 0x89,
  Š: 0x8a,
  "‹": 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "•": 0x95,
  "–": 0x96,
  "—": 0x97,
  "˜": 0x98,
  "™": 0x99,
  š: 0x9a,
  "›": 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
  // Typographic spaces of French number formatting: the no-break space is in the encoding.
  "\u202f": 0xa0,
  "\u2009": 0x20,
};

/** The WinAnsi byte of each character; "?" for those the encoding lacks (never a dropped character). */
export function encodeWinAnsi(text: string): number[] {
  const out: number[] = [];
  for (const ch of text.normalize("NFC")) {
    const code = ch.codePointAt(0) ?? 0x3f;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) out.push(code);
    else out.push(HIGH[ch] ?? 0x3f);
  }
  return out;
}

/** A PDF literal string of WinAnsi bytes, ASCII only: bytes outside printable ASCII as octal escapes. */
export function pdfString(text: string): string {
  let s = "(";
  for (const b of encodeWinAnsi(text)) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) s += `\\${String.fromCharCode(b)}`;
    else if (b < 0x20 || b > 0x7e) s += `\\${b.toString(8).padStart(3, "0")}`;
    else s += String.fromCharCode(b);
  }
  return `${s})`;
}
