import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadLabels } from "./index.ts";
import { CONSENT_KEYWORDS, isConsentReply } from "./replies.ts";
import { DEFAULT_TEMPLATES_DIR, LOCALES } from "./templates/index.ts";

describe("consent replies", () => {
  it("reads an unambiguous yes, whatever its case, accents or punctuation", () => {
    for (const text of ["OUI", "oui", " Oui ! ", "ouí", "YES", "yes.", "Yes!!"]) assert.equal(isConsentReply(text), true, text);
  });

  it("anything else is not a consent", () => {
    for (const text of ["NON", "no", "oui mais non", "STOP", "", "OUI OUI?"]) assert.equal(isConsentReply(text), false, text);
  });

  it("the keyword each locale's notices ask for is one the reply parser accepts", () => {
    for (const locale of LOCALES) {
      const labels = loadLabels(DEFAULT_TEMPLATES_DIR, locale);
      assert.ok(labels.ok);
      assert.ok(CONSENT_KEYWORDS.includes(labels.labels.reply_keyword), locale);
    }
  });
});
