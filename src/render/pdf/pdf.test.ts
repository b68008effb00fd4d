import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PdfPage, pdfFile } from "./document.ts";
import { fitText, textWidth } from "./metrics.ts";
import { encodeWinAnsi, pdfString } from "./winansi.ts";

export const HAS_POPPLER = spawnSync("pdftotext", ["-v"]).status === 0;

describe("the PDF writer", () => {
  it("encodes French in WinAnsi: accents in Latin-1, the euro sign and the oe ligature at their own codes", () => {
    assert.deepEqual(encodeWinAnsi("é€œ…"), [0xe9, 0x80, 0x9c, 0x85]);
    assert.deepEqual(encodeWinAnsi("Ç à"), [0xc7, 0x20, 0xe0]);
    assert.deepEqual(encodeWinAnsi("₿"), [0x3f], "a character the fonts lack prints as ?, never vanishes");
    assert.deepEqual(encodeWinAnsi("e\u0301"), [0xe9], "decomposed accents are composed first");
  });

  it("writes literal strings in ASCII, escaping what PDF needs", () => {
    assert.equal(pdfString("a(b)\\c"), "(a\\(b\\)\\\\c)");
    assert.equal(pdfString("Période"), "(P\\351riode)");
  });

  it("measures Helvetica: digits are 556/1000 of the size, a space 278", () => {
    assert.equal(textWidth("0123456789", 10), 55.6);
    assert.equal(textWidth("1 000,00 €", 1000), 6 * 556 + 3 * 278 + 556);
    assert.equal(fitText("short", 10, 100), "short");
    assert.ok(textWidth(fitText("a rather long description of roaming usage", 10, 60), 10) <= 60);
  });

  it("keeps a text's colour to that text", () => {
    const page = new PdfPage();
    page.text(40, 800, "banner", { gray: 1 });
    page.text(40, 780, "body");
    assert.match(page.content(), /^q 1 g BT .* ET Q\nBT \/F1 /);
  });

  it("points the cross-reference table at every object", () => {
    const page = new PdfPage();
    page.text(40, 800, "Facture");
    const bytes = Buffer.from(pdfFile([page, new PdfPage()], "t"));
    const text = bytes.toString("latin1");
    const xref = text.slice(text.indexOf("\nxref\n"));
    const offsets = [...xref.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    assert.equal(offsets.length, 9, "catalog, page tree, two fonts, info, and a content stream and a page per page");
    for (const [i, offset] of offsets.entries()) assert.equal(text.slice(offset, offset + `${i + 1} 0 obj`.length), `${i + 1} 0 obj`);
    const startxref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    assert.equal(text.slice(startxref, startxref + 4), "xref");
    assert.equal(bytes.equals(Buffer.from(pdfFile([page, new PdfPage()], "t"))), true, "the same content gives the same bytes");
  });

  it("renders accents that pdftotext reads back", { skip: !HAS_POPPLER && "poppler-utils (pdftotext) is not installed" }, () => {
    const dir = mkdtempSync(join(tmpdir(), "gardefou-pdf-"));
    try {
      const page = new PdfPage();
      page.text(40, 800, "Période : données en itinérance, Œuvre — 159 212,00 €", { bold: true });
      page.text(555, 780, "12,34 €", { align: "right" });
      writeFileSync(join(dir, "t.pdf"), pdfFile([page], "t"));
      const out = spawnSync("pdftotext", ["-layout", join(dir, "t.pdf"), "-"], { encoding: "utf8" });
      assert.equal(out.status, 0, out.stderr);
      assert.match(out.stdout, /Période : données en itinérance, Œuvre — 159 212,00 €/);
      assert.match(out.stdout, /12,34 €/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
