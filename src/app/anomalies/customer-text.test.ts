import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Reason } from "../../domain/anomaly/index.ts";
import { customerText } from "./customer-text.ts";

const flapping: Reason = {
  code: "border_flapping",
  score: 9.4,
  since: "2009-10-01",
  message: "(the staff's message)",
  evidence: {
    since: "2009-10-01",
    score: 9.4,
    spend_since_eur: "45828.61",
    plmn: "20610",
    country: "Belgium",
    share_pct: 99,
    usual_share_pct: 0,
    latest_week_share_pct: 100,
    mixed_days: 6,
    foreign_octets: 4_692_849_664,
  },
};
const belgium = (plmn: string, locale: "en" | "fr") => (plmn.startsWith("206") ? { en: "Belgium", fr: "Belgique" }[locale] : undefined);

describe("what the customer is told", () => {
  it("says what happened and what it cost, in the line's language, without the staff's instructions", () => {
    assert.equal(
      customerText(flapping, "fr", belgium),
      "Depuis le 1er octobre, 99\u202f% de vos données sont passées par un réseau étranger (Belgique, 206-10) des jours où votre appareil utilisait aussi votre réseau habituel\u202f: elles sont facturées en itinérance. 45\u202f828,61\u202fEUR facturés depuis.",
    );
    assert.equal(
      customerText(flapping, "en", belgium),
      "Since 1 October, 99% of your data went through a network in Belgium (206-10) on days your device also used your home network: it is billed as roaming. 45,828.61 EUR billed since then.",
    );
  });

  it("leaves the money out when nothing was billed", () => {
    const free = { ...flapping, evidence: { ...flapping.evidence, spend_since_eur: "0.00" } };
    assert.doesNotMatch(customerText(free, "en", belgium), /EUR/);
  });
});
