import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import type { CaseView } from "../src/app/index.ts";
import { LINES_HEADER } from "../src/demo/records.ts";
import { physicianLine, physicianUsage, valenciennesLine, valenciennesUsage } from "../src/demo/story.ts";
import type { InvoiceDocument } from "../src/domain/index.ts";
import { gardefou, json } from "./helpers/cli.ts";
import { gardefouAsync, gardefouHere, snapshot, storyFiles } from "./helpers/review.ts";
import { tempDir } from "./helpers/temp.ts";

const INVOICE = "INV-2009-10-A-PHYSICIAN";
const HAS_POPPLER = spawnSync("pdftotext", ["-v"]).status === 0;

/** The physician's 159,212.00 EUR invoice through the review desk, end to end through the CLI. */
describe("the review desk through the CLI", () => {
  const dir = tempDir();
  const db = join(dir, "review.db");
  /** The real CLI, in its own process. */
  const cli = (...args: string[]) => gardefou(["--db", db, ...args]);
  /** The same CLI entry point in this process: for the steps around the story, to stay fast. */
  const here = async (...args: string[]) => {
    const r = await gardefouHere(["--db", db, ...args]);
    assert.equal(r.code, 0, r.stderr);
    return r.stdout;
  };

  before(async () => {
    const { linesFile, usageFile } = storyFiles(dir, "phy", [physicianLine()], physicianUsage());
    await here("import", "lines", linesFile);
    await here("import", "usage", usageFile);
    await here("close", "--period", "2009-10");
  });

  it("lists the held invoice with its hold reasons as in the invoice JSON", () => {
    const held = json<{ invoice_id: string; account_id: string; total_excl_tax: string; hold_reasons: { code: string; message: string }[] }[]>(
      cli("review", "list", "--json"),
    );
    const physician = held.find((h) => h.invoice_id === INVOICE);
    assert.deepEqual([physician?.account_id, physician?.total_excl_tax], ["A-PHYSICIAN", "159212.00"]);
    const amount = physician?.hold_reasons.find((r) => r.code === "amount_above_threshold");
    assert.match(amount?.message ?? "", /above the review threshold of 200\.00 EUR/);
  });

  it("refuses bad input with a coded error (exit 1), and changes nothing", async () => {
    const cases: [string[], string][] = [
      [["credit", INVOICE, "--amount", "200000.00", "--reason", "too much"], "credit_exceeds_balance"],
      [["plan", INVOICE, "--instalments", "2", "--amounts", "30.00,30.00"], "payment_plan_mismatch"],
      [["rerate", INVOICE, "--plan", "pro-nothing"], "unknown_plan"],
      [["release", "INV-NOPE", "--reason", "x"], "unknown_invoice"],
    ];
    const before = snapshot(db);
    const results = await Promise.all(cases.map(([args]) => gardefouAsync(["--db", db, "review", ...args])));
    results.forEach((r, i) => {
      const [args, code] = cases[i] as [string[], string];
      assert.equal(r.code, 1, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`\\[${code}\\]`), args.join(" "));
      assert.doesNotMatch(r.stderr, /\s+at /, "no stack trace");
    });
    assert.equal(snapshot(db), before, "the store is unchanged");
  });

  it("refuses every other bad input too, each with its code, and changes nothing", async () => {
    const cases: [string[], string][] = [
      [["credit", INVOICE, "--amount", "12.345", "--reason", "sub-cent"], "invalid_amount"],
      [["credit", INVOICE, "--amount", "twelve", "--reason", "words"], "invalid_amount"],
      [["credit", INVOICE, "--amount", "1.00", "--lines", "1", "--reason", "both"], "invalid_amount"],
      [["credit", INVOICE, "--lines", "9", "--reason", "no such line"], "unknown_invoice_line"],
      [["credit", INVOICE, "--amount", "10.00"], "missing_reason"],
      [["credit", INVOICE, "--amount", "10.00", "--code", "bribe", "--reason", "x"], "invalid_reason_code"],
      [["rerate", INVOICE, "--plan", "pro-everywhere-95"], "nothing_to_credit"],
      [["plan", INVOICE, "--instalments", "0"], "invalid_instalments"],
      [["plan", INVOICE, "--instalments", "3", "--first-due", "2009-02-30"], "invalid_due_date"],
      [["contact", INVOICE, "--outcome", "maybe"], "invalid_outcome"],
      [["waive", INVOICE], "nothing_to_waive"],
      [["waive", INVOICE, "--cap", "200000.00"], "nothing_to_waive"],
      [["release", INVOICE], "missing_reason"],
    ];
    const before = snapshot(db);
    for (const [args, code] of cases) {
      const r = await gardefouHere(["--db", db, "review", ...args]);
      assert.equal(r.code, 1, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`\\[${code}\\]`), args.join(" "));
    }
    assert.equal(snapshot(db), before, "the store is unchanged");
  });

  it("queues the call: due within two days of the hold, then again the day after a message", async () => {
    const [first] = JSON.parse(await here("review", "queue", "--json")) as { invoice_id: string; why: string; call: { msisdn: string }[] }[];
    assert.equal(first?.invoice_id, INVOICE);
    assert.match(first?.why ?? "", /call before the invoice is sent/);
    assert.deepEqual(
      first?.call.map((c) => c.msisdn),
      ["33320000002"],
    );
    const after = JSON.parse(
      await here("review", "contact", INVOICE, "--outcome", "message_left", "--note", "voicemail", "--actor", "alice", "--json"),
    ) as CaseView;
    assert.deepEqual(
      after.contacts.map((c) => [c.outcome, c.actor, c.note]),
      [["message_left", "alice", "voicemail"]],
    );
    const [again] = JSON.parse(await here("review", "queue", "--json")) as { why: string; attempts: number }[];
    assert.deepEqual([again?.attempts, /call again/.test(again?.why ?? "")], [1, true]);
  });

  it("re-rates the period under pro-unlimited with the pure core: a credit note of 159,162.00, balance 50.00", () => {
    const v = json<CaseView>(cli("review", "rerate", INVOICE, "--plan", "pro-unlimited", "--actor", "alice", "--json"));
    assert.equal(v.invoice.status, "held");
    assert.deepEqual(
      v.credit_notes.map((c) => [c.credit_note_id, c.reason_code, c.total_excl_tax, c.tax, c.total_incl_tax, c.actor]),
      [[`${INVOICE}-CN1`, "rerate", "159162.00", "31195.75", "190357.75", "alice"]],
    );
    assert.deepEqual(
      v.credit_notes[0]?.lines.map((l) => [l.invoice_line, l.amount_excl_tax]),
      [[2, "159162.00"]],
    );
    assert.deepEqual(v.balance, { excl_tax: "50.00", tax: "9.80", incl_tax: "59.80", credited_excl_tax: "159162.00" });
  });

  it("sets a payment plan that sums exactly to the balance", () => {
    const v = json<CaseView>(cli("review", "plan", INVOICE, "--instalments", "3", "--first-due", "2009-12-15", "--json"));
    assert.deepEqual(
      v.payment_plan?.instalments.map((i) => [i.due_date, i.amount]),
      [
        ["2009-12-15", "19.94"],
        ["2010-01-15", "19.93"],
        ["2010-02-15", "19.93"],
      ],
    );
    assert.equal(v.payment_plan?.total, "59.80");
  });

  it("releases it: held → approved → issued, with who, when and why", () => {
    const v = json<CaseView>(cli("review", "release", INVOICE, "--reason", "re-rated to the plan sold; customer agreed", "--actor", "alice", "--json"));
    assert.equal(v.invoice.status, "issued");
    assert.deepEqual(
      v.events.map((e) => [e.from, e.to, e.actor]),
      [
        [null, "draft", e0(v)],
        ["draft", "held", "hold-rules"],
        ["held", "approved", "alice"],
        ["approved", "issued", "alice"],
      ],
    );
    assert.equal(v.events.at(-1)?.reason, "re-rated to the plan sold; customer agreed");
    const [invoice] = json<InvoiceDocument[]>(cli("invoices", "--period", "2009-10", "--json"));
    assert.deepEqual([invoice?.status, invoice?.total_excl_tax], ["issued", "159212.00"], "the invoice itself never changes; only its status");
  });

  it("keeps an issued invoice immutable: only a credit note corrects it", async () => {
    const before = snapshot(db);
    const refused = await Promise.all(
      [
        ["release", INVOICE, "--reason", "again"],
        ["rerate", INVOICE, "--plan", "pro-unlimited"],
      ].map((args) => gardefouAsync(["--db", db, "review", ...args])),
    );
    for (const args of [
      ["void", INVOICE, "--reason", "x"],
      ["waive", INVOICE, "--cap", "10.00"],
    ]) {
      refused.push(await gardefouHere(["--db", db, "review", ...args]));
    }
    for (const r of refused) assert.match(r.stderr, /\[invalid_state\]/);
    assert.equal(snapshot(db), before);
    const v = json<CaseView>(cli("review", "credit", INVOICE, "--amount", "10.00", "--code", "goodwill", "--reason", "for the trouble", "--json"));
    assert.deepEqual(v.balance, { excl_tax: "40.00", tax: "7.84", incl_tax: "47.84", credited_excl_tax: "159172.00" });
    assert.equal(v.payment_plan, null, "a credit note supersedes the plan: it no longer sums to the balance");
  });

  it("prints the invoice as a PDF in French and in English", { skip: !HAS_POPPLER && "poppler-utils (pdftotext) is not installed" }, async () => {
    const fr = join(dir, "fr.pdf");
    const en = join(dir, "en.pdf");
    assert.equal(cli("invoices", "pdf", INVOICE, "--out", fr).code, 0);
    await here("invoices", "pdf", INVOICE, "--out", en, "--locale", "en");
    const text = (file: string) => spawnSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).stdout.replace(/ +/g, " ");
    const french = text(fr);
    for (const expected of [
      "Facture",
      "Période octobre 2009",
      "Ligne PHY-0001 — +33320000002",
      "Données mobiles — réseau de l'opérateur France 795 810 000 Kio 159 162,00 €",
      "Total HT 159 212,00 €",
      "TVA 19,6 % 31 205,55 €",
      "Total TTC 190 417,55 €",
      "Reste dû TTC 47,84 €",
      "Plafonds en vigueur",
      "Roaming data limit : 50,00 € — coupure au plafond",
      "Alertes envoyées pendant la période",
      "Forfait épuisé",
    ]) {
      assert.ok(french.includes(expected), `French PDF lacks "${expected}":\n${french}`);
    }
    const english = text(en);
    for (const expected of [
      "Invoice",
      "Period October 2009",
      "Total excl. VAT €159,212.00",
      "VAT 19.6 % €31,205.55",
      "Total incl. VAT €190,417.55",
      "Allowance used up",
    ]) {
      assert.ok(english.includes(expected), `English PDF lacks "${expected}":\n${english}`);
    }
    const png = spawnSync("pdftoppm", ["-r", "30", "-png", "-f", "1", "-l", "1", fr, join(dir, "page")], { encoding: "utf8" });
    assert.equal(png.status, 0, png.stderr);
    assert.equal(png.stderr, "");
  });
});

function e0(v: CaseView): string {
  return v.events[0]?.actor ?? "";
}

describe("waiving what is over a cap, through the CLI", () => {
  const dir = tempDir();
  const db = join(dir, "waive.db");

  it("brings Valenciennes, opted out of the roaming cut-off, back to the regulation's 50.00: 145.00", async () => {
    // The customer had opted out: 4,582,861 KiB of Belgian roaming billed, 45,923.61 EUR, held.
    const { linesFile, usageFile } = storyFiles(dir, "val", [`${valenciennesLine()},true`], valenciennesUsage(), `${LINES_HEADER},roaming_cap_opt_out`);
    for (const args of [
      ["import", "lines", linesFile],
      ["import", "usage", usageFile],
      ["close", "--period", "2009-10"],
    ]) {
      assert.equal((await gardefouHere(["--db", db, ...args])).code, 0);
    }
    const v = json<CaseView>(
      gardefou(["--db", db, "review", "waive", "INV-2009-10-A-VALENCIENNES", "--reason", "roaming cut-off applied after the fact", "--json"]),
    );
    assert.equal(v.invoice.total_excl_tax, "45923.61");
    assert.deepEqual(
      v.credit_notes.map((c) => [c.reason_code, c.total_excl_tax, c.lines.map((l) => l.description)]),
      [["over_cap_waiver", "45778.61", ["Waived above the Roaming data limit of 50.00 EUR (2009-10)"]]],
    );
    assert.deepEqual([v.balance.excl_tax, v.balance.tax, v.balance.incl_tax], ["145.00", "28.42", "173.42"]);
  });
});
