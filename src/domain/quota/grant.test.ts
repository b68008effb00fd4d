import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { guarded, plan } from "../../../test/helpers/catalog.ts";
import type { Service, Zone } from "../catalog/types.ts";
import { effectiveCaps, type LineCapChoices } from "../guard/caps.ts";
import { applyDecision, decide, type UsageFacts } from "../guard/decide.ts";
import type { Micros } from "../money.ts";
import { PeriodCounters } from "../rating/counters.ts";
import { GIB, KIB, MIB } from "../units.ts";
import { sizeGrant } from "./grant.ts";
import type { Grant, Reservation } from "./types.ts";

const policy = { defaultGrant: 2 * MIB };
const noChoice: LineCapChoices = { roamingCap: undefined, roamingOptOut: false };
const used = (zone: Zone, octets: number): UsageFacts => ({ service: "data", zone, country: zone === "home" ? "FR" : "BE", countryName: "", quantity: octets });
const eu = (kib: number, amount: number): Reservation => ({ service: "data", zone: "eu", quantity: kib * KIB, amount: amount as Micros, allowanceQuantity: 0 });

interface Case {
  readonly name: string;
  readonly plan: string;
  readonly zone: Zone;
  readonly service?: Service;
  readonly choices?: LineCapChoices;
  /** Usage already rated this period, through the same decide() as offline records. */
  readonly before?: readonly UsageFacts[];
  readonly consented?: string;
  readonly reserved?: readonly Reservation[];
  readonly requested?: number;
  readonly expect:
    | { readonly kind: "granted"; readonly quantity: number; readonly amount: number; readonly limitedBy: string; readonly finalCapId?: string }
    | { readonly kind: "exhausted"; readonly capId: string }
    | { readonly kind: "no_tariff" };
}

const cases: Case[] = [
  {
    name: "roaming, fresh period: the default grant",
    plan: "pro-everywhere-95",
    zone: "eu",
    expect: { kind: "granted", quantity: 2048 * KIB, amount: 20_480_000, limitedBy: "default" },
  },
  {
    name: "roaming at 20.48: up to the 80 % notice at 40.00",
    plan: "pro-everywhere-95",
    zone: "eu",
    before: [used("eu", 2048 * KIB)],
    expect: { kind: "granted", quantity: 1952 * KIB, amount: 19_520_000, limitedBy: "notice" },
  },
  {
    name: "roaming at 40.00: the last 1000 KiB before the cut-off are final",
    plan: "pro-everywhere-95",
    zone: "eu",
    before: [used("eu", 4000 * KIB)],
    expect: { kind: "granted", quantity: 1000 * KIB, amount: 10_000_000, limitedBy: "spend_cap", finalCapId: "eu-roaming-data" },
  },
  {
    name: "roaming at 50.00: exhausted",
    plan: "pro-everywhere-95",
    zone: "eu",
    before: [used("eu", 5000 * KIB)],
    expect: { kind: "exhausted", capId: "eu-roaming-data" },
  },
  {
    name: "another session's reservation (45.00) leaves 5.00",
    plan: "pro-everywhere-95",
    zone: "eu",
    reserved: [eu(4500, 45_000_000)],
    expect: { kind: "granted", quantity: 500 * KIB, amount: 5_000_000, limitedBy: "spend_cap", finalCapId: "eu-roaming-data" },
  },
  {
    name: "less than one increment of headroom is no headroom",
    plan: "pro-everywhere-95",
    zone: "eu",
    reserved: [eu(4999, 49_995_000)],
    expect: { kind: "exhausted", capId: "eu-roaming-data" },
  },
  {
    name: "the customer's own 20.00 limit: the 80 % notice at 16.00",
    plan: "pro-everywhere-95",
    zone: "eu",
    choices: { roamingCap: 20_000_000 as Micros, roamingOptOut: false },
    expect: { kind: "granted", quantity: 1600 * KIB, amount: 16_000_000, limitedBy: "notice" },
  },
  {
    name: "opted out: no cut-off, default grants past 50.00",
    plan: "pro-everywhere-95",
    zone: "eu",
    choices: { roamingCap: undefined, roamingOptOut: true },
    before: [used("eu", 10_000 * KIB)],
    expect: { kind: "granted", quantity: 2048 * KIB, amount: 20_480_000, limitedBy: "default" },
  },
  {
    name: "consent after the cut-off re-opens the line",
    plan: "pro-everywhere-95",
    zone: "eu",
    before: [used("eu", 5000 * KIB)],
    consented: "eu-roaming-data",
    expect: { kind: "granted", quantity: 2048 * KIB, amount: 20_480_000, limitedBy: "default" },
  },
  {
    name: "rest of the world at 0.05: the 80 % notice after 800 KiB",
    plan: "pro-everywhere-95",
    zone: "world",
    expect: { kind: "granted", quantity: 800 * KIB, amount: 40_000_000, limitedBy: "notice" },
  },
  {
    name: "domestic inside the allowance: free",
    plan: "pro-everywhere-50",
    zone: "home",
    expect: { kind: "granted", quantity: 2048 * KIB, amount: 0, limitedBy: "default" },
  },
  {
    name: "domestic 100 KiB before the allowance ends: the grant stops where the price starts",
    plan: "pro-everywhere-50",
    zone: "home",
    before: [used("home", GIB - 100 * KIB)],
    expect: { kind: "granted", quantity: 100 * KIB, amount: 0, limitedBy: "allowance" },
  },
  {
    name: "domestic 10 KiB before the allowance's 80 % notice",
    plan: "pro-everywhere-50",
    zone: "home",
    before: [used("home", 858_993_460 - 10 * KIB)],
    expect: { kind: "granted", quantity: 10 * KIB, amount: 0, limitedBy: "notice" },
  },
  {
    name: "domestic beyond the allowance: 0.0002 per KiB, no cap",
    plan: "pro-everywhere-50",
    zone: "home",
    before: [used("home", GIB)],
    expect: { kind: "granted", quantity: 2048 * KIB, amount: 409_600, limitedBy: "default" },
  },
  {
    name: "fair use: the grant ends where the line is throttled",
    plan: "pro-unlimited",
    zone: "home",
    before: [used("home", GIB - MIB)],
    expect: { kind: "granted", quantity: MIB, amount: 0, limitedBy: "notice" },
  },
  {
    name: "a smaller request is honoured, priced per started KiB",
    plan: "pro-everywhere-95",
    zone: "eu",
    requested: 1000,
    expect: { kind: "granted", quantity: 1000, amount: 10_000, limitedBy: "requested" },
  },
  { name: "no tariff for the service: a rating failure, not a zero", plan: "pro-everywhere-95", zone: "home", service: "voice", expect: { kind: "no_tariff" } },
];

function run(c: Case): Grant {
  const p = plan(guarded, c.plan);
  const caps = effectiveCaps(p, c.choices ?? noChoice);
  const line = new PeriodCounters("2009-10");
  for (const u of c.before ?? []) {
    const d = decide(u, { plan: p, caps, line, account: line });
    if (!d.ok) throw new Error(d.message);
    applyDecision(u, d, line, line);
  }
  if (c.consented) line.consented = new Set([c.consented]);
  return sizeGrant(
    { service: c.service ?? "data", zone: c.zone, requested: c.requested, reserved: c.reserved ?? [] },
    { plan: p, caps, line, account: line },
    policy,
  );
}

describe("online grant sizing from the headroom", () => {
  for (const c of cases) {
    it(c.name, () => {
      const g = run(c);
      if (!g.ok) return assert.equal(c.expect.kind, g.code);
      if (g.kind === "exhausted") return assert.deepEqual({ kind: g.kind, capId: g.capId }, c.expect);
      assert.deepEqual(
        { kind: g.kind, quantity: g.quantity, amount: g.reservation.amount, limitedBy: g.limitedBy, finalCapId: g.finalCapId },
        { finalCapId: undefined, ...c.expect },
      );
    });
  }

  it("Valenciennes online: grants shrink to the cap, the sum is exactly 50.00", () => {
    const p = plan(guarded, "pro-everywhere-95");
    const caps = effectiveCaps(p, noChoice);
    const line = new PeriodCounters("2009-10");
    const grants: number[] = [];
    for (;;) {
      const g = sizeGrant({ service: "data", zone: "eu", requested: undefined, reserved: [] }, { plan: p, caps, line, account: line }, policy);
      assert.ok(g.ok);
      if (g.kind === "exhausted") break;
      grants.push(g.quantity / KIB);
      const u = used("eu", g.quantity);
      const d = decide(u, { plan: p, caps, line, account: line });
      assert.ok(d.ok);
      assert.equal(d.overUnits, 0, "what was granted is billable: nothing over the cap");
      applyDecision(u, d, line, line);
    }
    assert.deepEqual(grants, [2048, 1952, 1000]);
    assert.equal(line.measure("spend", "data", ["eu", "world", "non_terrestrial"]), 50_000_000);
  });
});
