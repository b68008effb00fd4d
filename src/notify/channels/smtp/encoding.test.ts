import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { dotStuff, encodeHeaderValue, quotedPrintable } from "./encoding.ts";

describe("quoted-printable", () => {
  const cases: { name: string; text: string; qp: string }[] = [
    { name: "ASCII stays readable", text: "Bonjour", qp: "Bonjour" },
    {
      name: "accents become UTF-8 octets",
      text: "été à Noël",
      qp: "=C3=A9t=C3=A9 =C3=A0 No=C3=ABl",
    },
    { name: "= is escaped", text: "a=b", qp: "a=3Db" },
    {
      name: "trailing space and tab are encoded",
      text: "fin \nsuite\t",
      qp: "fin=20\r\nsuite=09",
    },
    { name: "line breaks become CRLF", text: "a\r\nb\nc", qp: "a\r\nb\r\nc" },
    { name: "€ is three octets", text: "50 €", qp: "50 =E2=82=AC" },
  ];
  for (const c of cases) {
    test(c.name, () => assert.equal(quotedPrintable(c.text), c.qp));
  }

  test("soft-breaks long lines at 76 characters without cutting an escape", () => {
    const text = `${"x".repeat(73)}ééé ${"y".repeat(100)}`;
    const lines = quotedPrintable(text).split("\r\n");
    assert.ok(lines.length > 2);
    assert.ok(lines.every((l) => l.length <= 76));
    assert.ok(lines.slice(0, -1).every((l) => l.endsWith("=")));
    assert.equal(decodeQuotedPrintable(lines.join("\r\n")), text);
  });
});

describe("RFC 2047 header values", () => {
  test("printable ASCII is kept as is", () => {
    assert.equal(encodeHeaderValue("Roaming limit reached"), "Roaming limit reached");
  });

  test("accents go as base64 encoded-words that decode back", () => {
    const encoded = encodeHeaderValue("Itinérance : 80 % de votre limite atteint");
    assert.match(encoded, /^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    assert.equal(decodeWords(encoded), "Itinérance : 80 % de votre limite atteint");
  });

  test("long values fold into words of at most 75 characters, never inside a character", () => {
    const subject = "Coupure préventive de vos données à l'étranger — répondez OUI pour réactiver €€€";
    const encoded = encodeHeaderValue(subject);
    const words = encoded.split("\r\n ");
    assert.ok(words.length > 1);
    assert.ok(words.every((w) => w.length <= 75));
    assert.equal(decodeWords(encoded), subject);
  });

  test("CR and LF cannot smuggle another header", () => {
    assert.equal(encodeHeaderValue("Hi\r\nBcc: victim@example.org"), "Hi Bcc: victim@example.org");
  });
});

test("dot-stuffing doubles a leading dot on every line", () => {
  assert.equal(dotStuff(".start\r\nmid.dle\r\n.\r\n..x"), "..start\r\nmid.dle\r\n..\r\n...x");
});

/** Independent of the encoder: each word decoded on its own, then the octets joined. */
function decodeWords(value: string): string {
  const octets = value
    .split("\r\n ")
    .map((w) => /^=\?UTF-8\?B\?(.*)\?=$/.exec(w)?.[1] ?? "")
    .map((b64) => Buffer.from(b64, "base64"));
  return Buffer.concat(octets).toString("utf8");
}

function decodeQuotedPrintable(qp: string): string {
  const octets: number[] = [];
  const flat = qp.replace(/=\r\n/g, "");
  for (let i = 0; i < flat.length; i += 1) {
    if (flat[i] === "=") {
      octets.push(Number.parseInt(flat.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      octets.push(flat.charCodeAt(i));
    }
  }
  return Buffer.from(octets).toString("utf8");
}
