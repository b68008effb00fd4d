import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { guarded, plan, unguarded } from "../../../test/helpers/catalog.ts";
import type { Catalog, Service, Zone } from "../catalog/types.ts";
import type { Micros } from "../money.ts";
import { PeriodCounters } from "../rating/counters.ts";
import { GIB, KIB } from "../units.ts";
import { effectiveCaps, type LineCapChoices } from "./caps.ts";
import { applyDecision, type Decision, decide, type UsageFacts } from "./decide.ts";

const noChoice: LineCapChoices = { roamingCap: undefined, roamingOptOut: false };

interface Case {
  name: string;
  catalog: Catalog;
  plan: string;
  choices?: LineCapChoices;
  /** Usage already applied this period, in order. */
  before?: UsageFacts[];
  usage: UsageFacts;
  expect: Partial<Pick<Decision, "billableUnits" | "amount" | "overUnits" | "overCapId" | "allowanceUsed" | "throttled">> & { notices?: string[] };
}

const home = (octets: number): UsageFacts => ({ service: "data", zone: "home", country: "FR", countryName: "France", quantity: octets });
const be = (octets: number): UsageFacts => ({ service: "data", zone: "eu", country: "BE", countryName: "Belgium", quantity: octets });

function run(c: { catalog: Catalog; plan: string; choices?: LineCapChoices; before?: UsageFacts[] }, usage: UsageFacts) {
  const p = plan(c.catalog, c.plan);
  const caps = effectiveCaps(p, c.choices ?? noChoice);
  const line = new PeriodCounters("2009-10");
  for (const u of c.before ?? []) {
    const d = decide(u, { plan: p, caps, line, account: line });
    if (!d.ok) throw new Error(d.message);
    applyDecision(u, d, line, line);
  }
  const d = decide(usage, { plan: p, caps, line, account: line });
  if (!d.ok) throw new Error(d.message);
  return { decision: d, line };
}

const cases: Case[] = [
  {
    name: "domestic within the allowance is free",
    catalog: guarded,
    plan: "pro-everywhere-50",
    usage: home(100 * KIB),
    expect: { amount: 0 as Micros, billableUnits: 0, allowanceUsed: 100 * KIB },
  },
  {
    name: "domestic beyond 1 GiB: per started KiB at 0.0002",
    catalog: unguarded,
    plan: "pro-everywhere-50",
    before: [home(GIB)],
    usage: home(10 * KIB + 1),
    expect: { billableUnits: 11, amount: 2_200 as Micros, allowanceUsed: 0 },
  },
  {
    name: "a record straddling the allowance: only the part beyond is rounded and billed",
    catalog: unguarded,
    plan: "pro-everywhere-95",
    before: [home(GIB - 512)],
    usage: home(2 * KIB),
    expect: { allowanceUsed: 512, billableUnits: 2, amount: 400 as Micros },
  },
  {
    name: "EU roaming unguarded: 0.01 per started KiB",
    catalog: unguarded,
    plan: "pro-everywhere-95",
    usage: be(4_582_861 * KIB),
    expect: { billableUnits: 4_582_861, amount: 45_828_610_000 as Micros, overUnits: 0 },
  },
  {
    name: "EU roaming guarded: billed up to 50.00, the rest over cap",
    catalog: guarded,
    plan: "pro-everywhere-95",
    usage: be(4_582_861 * KIB),
    expect: {
      billableUnits: 5_000,
      amount: 50_000_000 as Micros,
      overUnits: 4_577_861,
      overCapId: "eu-roaming-data",
      notices: ["roaming_welcome", "cap_warning", "cap_reached"],
    },
  },
  {
    name: "after the cut-off nothing more is billed",
    catalog: guarded,
    plan: "pro-everywhere-95",
    before: [be(6_000 * KIB)],
    usage: be(KIB),
    expect: { billableUnits: 0, amount: 0 as Micros, overUnits: 1, notices: [] },
  },
  {
    name: "the customer's own lower limit (20.00)",
    catalog: guarded,
    plan: "pro-everywhere-95",
    choices: { roamingCap: 20_000_000 as Micros, roamingOptOut: false },
    usage: be(3_000 * KIB),
    expect: { billableUnits: 2_000, amount: 20_000_000 as Micros, overUnits: 1_000 },
  },
  {
    name: "an explicit opt-out removes the cut-off",
    catalog: guarded,
    plan: "pro-everywhere-95",
    choices: { roamingCap: undefined, roamingOptOut: true },
    usage: be(6_000 * KIB),
    expect: { billableUnits: 6_000, amount: 60_000_000 as Micros, overUnits: 0, notices: ["roaming_welcome"] },
  },
  {
    name: "80 % warning at 40.00 exactly",
    catalog: guarded,
    plan: "pro-everywhere-50",
    before: [be(3_999 * KIB)],
    usage: be(KIB),
    expect: { amount: 10_000 as Micros, notices: ["cap_warning"] },
  },
  {
    name: "fair use: past 1 GiB on pro-unlimited, throttled and never billed",
    catalog: guarded,
    plan: "pro-unlimited",
    before: [home(GIB)],
    usage: home(500 * 1024 * KIB),
    expect: { amount: 0 as Micros, throttled: true, notices: [] },
  },
  {
    name: "fair use notices at 80 % and 100 % of the volume",
    catalog: guarded,
    plan: "pro-unlimited",
    usage: home(GIB),
    expect: { amount: 0 as Micros, throttled: false, notices: ["cap_warning", "cap_reached"] },
  },
  {
    name: "allowance notices at 80 % and 100 %",
    catalog: guarded,
    plan: "pro-everywhere-50",
    usage: home(GIB + 1),
    expect: { amount: 200 as Micros, notices: ["allowance_warning", "allowance_used"] },
  },
];

describe("rate → guard → decide", () => {
  for (const c of cases) {
    it(c.name, () => {
      const { decision } = run(c, c.usage);
      const { notices, ...rest } = c.expect;
      for (const [key, value] of Object.entries(rest)) assert.equal(decision[key as keyof Decision], value, key);
      if (notices)
        assert.deepEqual(
          decision.notices.map((n) => n.kind),
          notices,
        );
    });
  }

  it("a welcome per country, once per period", () => {
    const p = plan(guarded, "pro-everywhere-95");
    const caps = effectiveCaps(p, noChoice);
    const line = new PeriodCounters("2009-10");
    const kinds: string[] = [];
    for (const u of [be(KIB), be(KIB), { ...be(KIB), country: "ES", countryName: "Spain" }]) {
      const d = decide(u, { plan: p, caps, line, account: line });
      assert.ok(d.ok);
      applyDecision(u, d, line, line);
      kinds.push(...d.notices.filter((n) => n.kind === "roaming_welcome").map((n) => (n.kind === "roaming_welcome" ? n.country : "")));
    }
    assert.deepEqual(kinds, ["BE", "ES"]);
  });

  it("a zone without a tariff is a rating failure, not a zero", () => {
    const p = plan(guarded, "pro-everywhere-95");
    const line = new PeriodCounters("2009-10");
    const d = decide({ service: "voice", zone: "home", country: "FR", countryName: "France", quantity: 60 }, { plan: p, caps: [], line, account: line });
    assert.equal(d.ok, false);
  });
});

describe("money invariants of the guard (properties)", () => {
  const usageArb = fc.record({
    zone: fc.constantFrom<Zone>("home", "national", "eu", "world"),
    quantity: fc.integer({ min: 0, max: 64 * 1024 * 1024 }),
  });
  const planArb = fc.constantFrom("pro-everywhere-95", "pro-everywhere-50", "pro-unlimited");

  function replay(catalog: Catalog, planId: string, usages: { zone: Zone; quantity: number }[]) {
    const p = plan(catalog, planId);
    const caps = effectiveCaps(p, noChoice);
    const line = new PeriodCounters("2009-10");
    let total = 0;
    let roaming = 0;
    for (const u of usages) {
      const facts = { service: "data" as Service, zone: u.zone, country: "XX", countryName: "X", quantity: u.quantity };
      const d = decide(facts, { plan: p, caps, line, account: line });
      if (!d.ok) throw new Error(d.message);
      assert.equal(d.amount, d.billableUnits * d.unitPrice, "amount = units × price");
      applyDecision(facts, d, line, line);
      total += d.amount;
      if (u.zone !== "home" && u.zone !== "national") roaming += d.amount;
    }
    return { total, roaming };
  }

  it("roaming charges never pass the 50.00 cap", () => {
    fc.assert(
      fc.property(planArb, fc.array(usageArb, { maxLength: 40 }), (planId, usages) => {
        assert.ok(replay(guarded, planId, usages).roaming <= 50_000_000);
      }),
    );
  });

  it("amounts never decrease when volume grows", () => {
    fc.assert(
      fc.property(planArb, fc.array(usageArb, { minLength: 1, maxLength: 20 }), fc.nat({ max: 10_000_000 }), (planId, usages, extra) => {
        for (const catalog of [guarded, unguarded]) {
          const grown = usages.map((u, i) => (i === usages.length - 1 ? { ...u, quantity: u.quantity + extra } : u));
          assert.ok(replay(catalog, planId, grown).total >= replay(catalog, planId, usages).total);
        }
      }),
    );
  });

  it("the same input always gives the same amounts", () => {
    fc.assert(
      fc.property(planArb, fc.array(usageArb, { maxLength: 30 }), (planId, usages) => {
        assert.deepEqual(replay(guarded, planId, usages), replay(guarded, planId, usages));
      }),
    );
  });
});
