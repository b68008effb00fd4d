import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { decodeGsm7, encodeGsm7 } from "./gsm7.ts";

describe("GSM 03.38 default alphabet", () => {
  const fits: { name: string; text: string; septets: number; hex?: string }[] = [
    {
      name: "pure ASCII",
      text: "Hello 42",
      septets: 8,
      hex: "48656c6c6f203432",
    },
    {
      name: "@ is septet 0x00, $ is 0x02",
      text: "@$",
      septets: 2,
      hex: "0002",
    },
    {
      name: "French letters of the basic table",
      text: "é è à ù É Ç",
      septets: 11,
    },
    {
      name: "é à è in a notice",
      text: "Votre forfait a été consommé à 80 %",
      septets: 35,
    },
    {
      name: "€ costs two septets",
      text: "50 €",
      septets: 5,
      hex: "3530201b65",
    },
    {
      name: "[ ] { } ~ | ^ \\ each cost two",
      text: "[]{}~|^\\",
      septets: 16,
    },
    { name: "line breaks", text: "a\nb\r\n", septets: 5, hex: "610a620d0a" },
    {
      name: "Greek capitals of the basic table",
      text: "ΔΦΓΛΩΠΨΣΘΞ",
      septets: 10,
    },
  ];
  for (const c of fits) {
    test(`encodes ${c.name}`, () => {
      const encoded = encodeGsm7(c.text);
      assert.equal(encoded.ok, true);
      if (!encoded.ok) return;
      assert.equal(encoded.septets.length, c.septets);
      if (c.hex !== undefined) assert.equal(encoded.septets.toString("hex"), c.hex);
      assert.equal(decodeGsm7(encoded.septets), c.text);
    });
  }

  const misses: { name: string; text: string; char: string }[] = [
    { name: "lowercase ç (only Ç is in the table)", text: "reçu", char: "ç" },
    { name: "ê", text: "fenêtre", char: "ê" },
    { name: "an emoji", text: "ok 👍", char: "👍" },
    { name: "a backtick", text: "`x`", char: "`" },
    { name: "œ", text: "cœur", char: "œ" },
  ];
  for (const c of misses) {
    test(`reports ${c.name} as unrepresentable`, () => {
      assert.deepEqual(encodeGsm7(c.text), {
        ok: false,
        code: "gsm7_unrepresentable",
        char: c.char,
      });
    });
  }

  test("decodes an unknown escape as the basic character, and drops a trailing ESC", () => {
    assert.equal(decodeGsm7(Buffer.from([0x1b, 0x41, 0x62, 0x1b])), "Ab");
  });
});
