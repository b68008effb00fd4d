import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { guarded, plan } from "../../../test/helpers/catalog.ts";
import { PeriodCounters } from "../rating/counters.ts";
import { KIB } from "../units.ts";
import { effectiveCaps } from "./caps.ts";
import { applyDecision, decide, type UsageFacts } from "./decide.ts";

const be = (kib: number): UsageFacts => ({ service: "data", zone: "eu", country: "BE", countryName: "Belgium", quantity: kib * KIB });

/** Applies usages in order on one period's counters and returns each usage's notice keys. */
function replay(counters: PeriodCounters, usages: UsageFacts[], consentAfter?: number): string[][] {
  const p = plan(guarded, "pro-everywhere-95");
  const caps = effectiveCaps(p, { roamingCap: undefined, roamingOptOut: false });
  return usages.map((u, i) => {
    if (consentAfter !== undefined && i === consentAfter) {
      counters.consented ??= new Set();
      counters.consented.add("eu-roaming-data");
    }
    const d = decide(u, { plan: p, caps, line: counters, account: counters });
    assert.ok(d.ok);
    applyDecision(u, d, counters, counters);
    return d.notices.map((n) => n.key);
  });
}

describe("threshold state: once per period, re-armed after consent", () => {
  it("without consent the cut-off is told once, however much more usage arrives", () => {
    const keys = replay(new PeriodCounters("2009-10"), [be(4_000), be(1_000), be(1_000), be(50_000)]);
    assert.deepEqual(keys, [["welcome:BE", "cap:eu-roaming-data:80"], ["cap:eu-roaming-data:100"], [], []]);
  });

  it("after consent the thresholds fire again over one more limit, as warnings that cut nothing", () => {
    const counters = new PeriodCounters("2009-10");
    const p = plan(guarded, "pro-everywhere-95");
    const caps = effectiveCaps(p, { roamingCap: undefined, roamingOptOut: false });
    replay(counters, [be(5_000), be(10)]);
    counters.consented = new Set(["eu-roaming-data"]);
    const seen: { key: string; threshold: number; action: string; urgent: boolean }[] = [];
    for (const u of [be(3_999), be(1), be(999), be(1), be(20_000)]) {
      const d = decide(u, { plan: p, caps, line: counters, account: counters });
      assert.ok(d.ok);
      assert.equal(d.overUnits, 0, "a consented cap bills everything");
      applyDecision(u, d, counters, counters);
      for (const n of d.notices)
        if (n.kind === "cap_warning" || n.kind === "cap_reached") seen.push({ key: n.key, threshold: n.threshold, action: n.action, urgent: n.urgent });
    }
    assert.deepEqual(seen, [
      { key: "cap:eu-roaming-data:consented:80", threshold: 180, action: "notify", urgent: false },
      { key: "cap:eu-roaming-data:consented:100", threshold: 200, action: "notify", urgent: false },
    ]);
  });

  it("a new period is armed again: same keys, new period", () => {
    const october = replay(new PeriodCounters("2009-10"), [be(6_000)]);
    const november = replay(new PeriodCounters("2009-11"), [be(6_000)]);
    assert.deepEqual(october, november);
    assert.deepEqual(november[0], ["welcome:BE", "cap:eu-roaming-data:80", "cap:eu-roaming-data:100"]);
  });
});
