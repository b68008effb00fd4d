import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { invoice, line, PHYSICIAN_INVOICE } from "../../../test/helpers/invoices.ts";
import { balanceOf, type Invoice, money } from "../../domain/index.ts";
import type { InvoicePdfData } from "./data.ts";
import { invoicePdf } from "./invoice-pdf.ts";

const HAS_POPPLER = spawnSync("pdftotext", ["-v"]).status === 0;

function data(inv: Invoice, locale: "fr" | "en"): InvoicePdfData {
  return {
    invoice: inv,
    locale,
    issuer: "Garde-fou",
    lines: [{ lineId: "PHY-0001", msisdn: "33320000002", planName: "3G+ Internet pro everywhere 24h/24 (50)" }],
    notices: [{ lineId: "PHY-0001", at: "2009-10-09T08:00:00Z", kind: "allowance_warning", threshold: 80, capName: undefined, country: undefined }],
    caps: [],
    credits: [],
    balance: balanceOf(inv, []),
    instalments: [],
  };
}

function text(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "gardefou-invoice-pdf-"));
  try {
    writeFileSync(join(dir, "i.pdf"), pdf);
    const out = spawnSync("pdftotext", ["-layout", join(dir, "i.pdf"), "-"], { encoding: "utf8" });
    assert.equal(out.status, 0, out.stderr);
    return out.stdout.replace(/ +/g, " ");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the invoice PDF", { skip: !HAS_POPPLER && "poppler-utils (pdftotext) is not installed" }, () => {
  it("says a held invoice must not be paid, and still shows every line and total", () => {
    const t = text(invoicePdf(data(PHYSICIAN_INVOICE, "fr")));
    for (const expected of [
      "RETENUE POUR VÉRIFICATION — NE PAS PAYER",
      "Abonnement 3G+ Internet pro everywhere 24h/24 (50) 1 mois 50,00 €",
      "Total TTC 190 417,55 €",
      "Forfait consommé à 80 %",
      "Aucun plafond ne s'applique à cette ligne.",
    ]) {
      assert.ok(t.includes(expected), `lacks "${expected}":\n${t}`);
    }
  });

  it("paginates a long invoice without splitting a row, the header repeated", () => {
    const many = invoice([
      line({ kind: "subscription", amount: money.micros(50_000_000) }),
      ...Array.from({ length: 120 }, (_, i) =>
        line({ kind: "roaming_data", amount: money.micros(10_000 * (i + 1)), zone: "eu", country: "BE", quantity: i + 1 }),
      ),
    ]);
    const t = text(invoicePdf(data(many, "en")));
    const pages = Number(/Page 1 of (\d+)/.exec(t)?.[1]);
    assert.ok(pages >= 3, `${pages} pages`);
    assert.ok(t.includes(`Page ${pages} of ${pages}`));
    assert.ok(t.includes("Total excl. VAT €122.60"), "50.00 + 0.01 × (1 + … + 120)");
    assert.equal((t.match(/Mobile data — EU roaming Belgium/g) ?? []).length, 120);
  });

  it("gives the same bytes for the same invoice", () => {
    assert.deepEqual(invoicePdf(data(PHYSICIAN_INVOICE, "en")), invoicePdf(data(PHYSICIAN_INVOICE, "en")));
  });
});
