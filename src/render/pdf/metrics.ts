import { encodeWinAnsi } from "./winansi.ts";

/**
 * Advance widths of Helvetica (thousandths of the font size) by WinAnsi byte, from the font's
 * published metrics. Only right-aligned and fitted text needs them; Helvetica-Bold differs by a
 * few units on letters but not on digits and punctuation, which is what gets right-aligned, so
 * one table serves both.
 */
const ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584,
  556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278,
  469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260,
  334, 584,
];

/** 0x80–0xFF; unassigned codes take the width of "?" since that is what they print. */
const HIGH = [
  556, 556, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 556, 611, 556, 556, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 556,
  500, 667, 278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834,
  834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722,
  722, 667, 667, 611, 556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, 556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556,
  556, 556, 500, 556, 500,
];

export function charWidth(byte: number): number {
  if (byte >= 0x20 && byte <= 0x7e) return ASCII[byte - 0x20] ?? 556;
  if (byte >= 0x80) return HIGH[byte - 0x80] ?? 556;
  return 556;
}

/** Width of `text` in points at `size`. */
export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const b of encodeWinAnsi(text)) units += charWidth(b);
  return (units * size) / 1000;
}

/** `text`, cut with an ellipsis so that it fits `width` points. */
export function fitText(text: string, size: number, width: number): string {
  if (textWidth(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 0 && textWidth(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
