import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { samplePayloads } from "../../../test/helpers/notice-samples.ts";
import { DEFAULT_TEMPLATES_DIR, LOCALES, NoticeTemplates, TEMPLATE_IDS } from "./index.ts";
import { escapeHtml, parseTemplate, renderNodes, type View } from "./render.ts";

function load(dir?: string) {
  const loaded = NoticeTemplates.load({ currency: "EUR", selfCareUrl: "https://self-care.example/lines", ...(dir ? { dir } : {}) });
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.code}: ${p.message}`).join("\n"));
  return loaded.templates;
}

function render(template: string, view: View) {
  const parsed = parseTemplate(template, "t");
  assert.ok(parsed.ok);
  return renderNodes(parsed.nodes, view, "t", escapeHtml);
}

describe("notice templates", () => {
  const templates = load();

  for (const locale of LOCALES) {
    for (const { name, payload } of samplePayloads(locale)) {
      it(`${locale}: ${name} renders every part with no hole`, () => {
        const out = templates.render(JSON.stringify(payload));
        assert.ok(out.ok, out.ok ? "" : `${out.code}: ${out.message}`);
        const { sms, subject, html } = out.notice;
        for (const text of [sms, subject, html]) {
          assert.doesNotMatch(text, /\{\{|\}\}|undefined|null|NaN/);
          assert.ok(text.trim().length > 0);
        }
        assert.match(html, new RegExp(`lang="${locale}"`));
      });
    }
    it(`${locale}: every template id has a sample`, () => {
      const used = new Set(
        samplePayloads(locale)
          .map((s) => templates.render(JSON.stringify(s.payload)))
          .map((o) => (o.ok ? o.notice.template : "")),
      );
      assert.deepEqual([...used].sort(), [...TEMPLATE_IDS].sort());
    });
  }

  it("fills the French cut-off with the line's figures, accents intact", () => {
    const cutoff = samplePayloads("fr").find((s) => s.name === "the cut-off");
    const out = templates.render(JSON.stringify(cutoff?.payload));
    assert.ok(out.ok);
    assert.equal(
      out.notice.sms,
      "Garde-fou : limite de 50,00 € HT atteinte (données à l'étranger). Accès arrêté jusqu'à fin octobre 2009, rien de plus ne vous sera facturé. Pour continuer à 0,01 € par Ko, répondez OUI ou allez sur https://self-care.example/lines",
    );
    assert.equal(out.notice.subject, "Limite de 50,00 € atteinte : accès arrêté (données à l'étranger)");
  });

  it("words the welcome with the country's French name and the personal prices", () => {
    const out = templates.render(JSON.stringify(samplePayloads("fr")[0]?.payload));
    assert.ok(out.ok);
    assert.match(out.notice.sms, /réseau étranger \(Belgique\)\. Vos prix : données 0,01 € par Ko\. .* coupées à 50,00 € HT/);
    assert.match(out.notice.html, /<li>données : 0,01 € par Ko<\/li>/);
  });

  it("writes English money the English way", () => {
    const out = templates.render(JSON.stringify(samplePayloads("en").find((s) => s.name === "invoice held")?.payload));
    assert.ok(out.ok);
    assert.match(out.notice.sms, /\(€159,212\.00 excl\. VAT\)/);
  });

  it("a payload missing a figure is refused with a code, not sent with a blank", () => {
    const { used: _dropped, ...payload } = (samplePayloads("fr")[2] as { payload: Record<string, unknown> }).payload;
    const out = templates.render(JSON.stringify(payload));
    assert.equal(out.ok, false);
    assert.equal(!out.ok && out.code, "payload_invalid");
  });

  it("a template naming a variable the notice lacks fails, never renders a blank", () => {
    const out = render("Limite {{limit}} : {{nowhere}}", { limit: "50,00 €" });
    assert.deepEqual(out.ok ? out : out.error.code, "template_variable_missing");
    assert.equal((render("{{x}}", { x: " " }) as { ok: false; error: { code: string } }).error.code, "template_variable_empty");
    assert.equal(parseTemplate("{{#a}}never closed", "t").ok, false);
    assert.equal(parseTemplate("{{/a}}", "t").ok, false);
  });

  it("escapes figures in HTML and repeats lists", () => {
    const out = render("<ul>{{#items}}<li>{{name}}</li>{{/items}}</ul>{{^items}}none{{/items}}", { items: [{ name: "a<b" }, { name: "c&d" }] });
    assert.deepEqual(out, { ok: true, text: "<ul><li>a&lt;b</li><li>c&amp;d</li></ul>" });
  });

  it("a missing template file stops the start with its name", () => {
    const dir = mkdtempSync(join(tmpdir(), "gf-templates-"));
    try {
      cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
      unlinkSync(join(dir, "fr", "cap_cutoff.sms.txt"));
      const loaded = NoticeTemplates.load({ dir, currency: "EUR", selfCareUrl: "https://x.example" });
      assert.equal(loaded.ok, false);
      assert.deepEqual(!loaded.ok && loaded.problems.map((p) => p.code), ["template_missing"]);
      assert.match(!loaded.ok ? (loaded.problems[0]?.message ?? "") : "", /fr\/cap_cutoff\.sms\.txt/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("French files are UTF-8 with composed accents (no mojibake, no decomposed é)", () => {
    for (const id of TEMPLATE_IDS) {
      const text = readFileSync(join(DEFAULT_TEMPLATES_DIR, "fr", `${id}.sms.txt`), "utf8");
      assert.equal(text, text.normalize("NFC"), id);
      assert.doesNotMatch(text, /Ã|Â|\uFFFD/, id);
    }
  });
});
