// GSM 03.38 (3GPP TS 23.038 §6.2.1) 7-bit default alphabet and its extension table, as
// unpacked septets — one septet per octet, which is what SMSCs expect in short_message for
// data_coding 0x00. National language shift tables are deliberately not used: handsets differ
// in their support, and UCS-2 is the safe fallback.

const ESCAPE = 0x1b;

/** Index = septet value. 0x1B is the escape to the extension table, not a character. */
// biome-ignore format: the table reads as the standard's 8 × 16 grid
const BASIC: readonly string[] = [
	"@", "£", "$", "¥", "è", "é", "ù", "ì", "ò", "Ç", "\n", "Ø", "ø", "\r", "Å", "å",
	"Δ", "_", "Φ", "Γ", "Λ", "Ω", "Π", "Ψ", "Σ", "Θ", "Ξ", "", "Æ", "æ", "ß", "É",
	" ", "!", '"', "#", "¤", "%", "&", "'", "(", ")", "*", "+", ",", "-", ".", "/",
	"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", ":", ";", "<", "=", ">", "?",
	"¡", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O",
	"P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "Ä", "Ö", "Ñ", "Ü", "§",
	"¿", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o",
	"p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z", "ä", "ö", "ñ", "ü", "à",
];

/** Second septet after ESC → character. Each costs two septets of the 160. */
const EXTENSION: ReadonlyMap<number, string> = new Map([
  [0x0a, "\f"],
  [0x14, "^"],
  [0x28, "{"],
  [0x29, "}"],
  [0x2f, "\\"],
  [0x3c, "["],
  [0x3d, "~"],
  [0x3e, "]"],
  [0x40, "|"],
  [0x65, "€"],
]);

const ENCODE = new Map<string, readonly number[]>();
BASIC.forEach((ch, septet) => {
  if (septet !== ESCAPE) ENCODE.set(ch, [septet]);
});
for (const [septet, ch] of EXTENSION) ENCODE.set(ch, [ESCAPE, septet]);

/** Septets of one character, or undefined when the default alphabet lacks it. */
export function gsm7Septets(char: string): readonly number[] | undefined {
  return ENCODE.get(char);
}

export type Gsm7Encoding = { ok: true; septets: Buffer } | { ok: false; code: "gsm7_unrepresentable"; char: string };

export function encodeGsm7(text: string): Gsm7Encoding {
  const out: number[] = [];
  for (const char of text) {
    const septets = ENCODE.get(char);
    if (septets === undefined) return { ok: false, code: "gsm7_unrepresentable", char };
    out.push(...septets);
  }
  return { ok: true, septets: Buffer.from(out) };
}

/**
 * Unknown escape sequences fall back to the basic character, as TS 23.038 asks of receivers;
 * a trailing lone ESC is dropped. Octets above 0x7F cannot be septets and decode as U+FFFD.
 */
export function decodeGsm7(septets: Buffer): string {
  let out = "";
  for (let i = 0; i < septets.length; i += 1) {
    const s = septets.readUInt8(i);
    if (s === ESCAPE) {
      if (i + 1 >= septets.length) break;
      i += 1;
      const next = septets.readUInt8(i);
      out += EXTENSION.get(next) ?? BASIC[next] ?? "\uFFFD";
      continue;
    }
    out += BASIC[s] ?? "\uFFFD";
  }
  return out;
}
