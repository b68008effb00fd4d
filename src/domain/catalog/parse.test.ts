import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { guarded, networks } from "../../../test/helpers/catalog.ts";
import { DEFAULT_CATALOG } from "../../app/index.ts";
import { resolveZone } from "./networks.ts";
import { parseCatalog } from "./parse.ts";

describe("catalog files", () => {
  it("the bundled default holds the three 2009 plans with their exact tariffs", () => {
    const p95 = guarded.plans.get("pro-everywhere-95");
    assert.deepEqual(p95?.monthlyFee, { kind: "fixed", amount: 95_000_000 });
    assert.equal(p95?.tariffs.find((t) => t.zones.includes("home"))?.unitPrice, 200);
    assert.equal(p95?.tariffs.find((t) => t.zones.includes("eu"))?.unitPrice, 10_000);
    assert.equal(p95?.allowances[0]?.amount, 1024 ** 3);
    assert.deepEqual(guarded.plans.get("pro-unlimited")?.monthlyFee, { kind: "inherit" });
    const cap = guarded.caps.get("eu-roaming-data");
    assert.equal(cap?.limit, 50_000_000);
    assert.deepEqual(cap?.notices, [80, 100]);
    assert.equal(cap?.action, "block");
    assert.deepEqual(guarded.holdRules, [
      { code: "amount_above_threshold", kind: "amount_above", threshold: 200_000_000 },
      { code: "abnormal_consumption", kind: "abnormal_consumption", minScore: 0 },
    ]);
  });

  it("lists every problem of a malformed catalog, with file and path", () => {
    const text = readFileSync(DEFAULT_CATALOG, "utf8")
      .replace('limit: "50.00"', 'limit: "fifty"')
      .replace("caps: [eu-roaming-data, fair-use-1gib]", "caps: [eu-roaming-data, no-such-cap]")
      .replace('monthly_fee: "50.00"', "monthly_fee: -3");
    const result = parseCatalog(text, "bad.yaml");
    assert.equal(result.ok, false);
    if (result.ok) return;
    const paths = result.problems.map((p) => `${p.file}:${p.path}`);
    assert.ok(paths.includes("bad.yaml:caps.0.limit"), paths.join(" | "));
    assert.ok(paths.includes("bad.yaml:plans.1.monthly_fee"), paths.join(" | "));
    assert.ok(result.problems.length >= 2);
  });

  it("reports semantic problems all at once", () => {
    const text = readFileSync(DEFAULT_CATALOG, "utf8")
      .replace("caps: [eu-roaming-data, fair-use-1gib]", "caps: [eu-roaming-data, no-such-cap]")
      .replace("id: fair-use-1gib", "id: eu-roaming-data");
    const result = parseCatalog(text, "dup.yaml");
    assert.equal(result.ok, false);
    if (result.ok) return;
    const reasons = result.problems.map((p) => p.reason).join(" | ");
    assert.match(reasons, /duplicate cap id "eu-roaming-data"/);
    assert.match(reasons, /unknown cap "no-such-cap"/);
  });

  it("refuses YAML that does not parse", () => {
    const result = parseCatalog("plans: [", "broken.yaml");
    assert.equal(result.ok, false);
  });
});

describe("zones from the serving network", () => {
  const zone = (plmn: string) => {
    const n = networks.lookup(plmn);
    assert.ok(n, `network ${plmn} known`);
    return resolveZone(guarded, n);
  };
  it("Orange France is home, every MCC 208 network is national", () => {
    assert.equal(zone("20801").zone, "home");
    assert.equal(zone("20810").zone, "national");
    assert.equal(zone("20820").zone, "national");
  });
  it("Belgium is EU roaming, with the country for invoices", () => {
    assert.deepEqual({ ...zone("20610") }, { zone: "eu", country: "BE", countryName: "Belgium" });
    assert.equal(zone("20601").zone, "eu");
  });
  it("outside the EU/EEA is rest of world; Norway is EEA", () => {
    assert.equal(zone("310260").zone, "world");
    assert.equal(zone("22801").zone, "world"); // Switzerland
    assert.equal(zone("24201").zone, "eu"); // Norway
  });
  it("an unknown MCC is not a network", () => {
    assert.equal(networks.lookup("99999"), undefined);
  });
});
