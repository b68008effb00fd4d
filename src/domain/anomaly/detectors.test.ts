/**
 * Each detector, on a line where its pattern is planted and on its hard negative: the look-alike
 * that must stay quiet. One table, one helper.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectAnomalies } from "./detect.ts";
import { during, history, type LineSpec, line, ordinary, peers } from "./fixtures.test.ts";
import type { ReasonCode } from "./reasons.ts";
import { GIB, MIB } from "./units.ts";

const EUR = 1_000_000;

interface Case {
  readonly name: string;
  readonly code: ReasonCode;
  readonly fires: boolean;
  readonly spec: LineSpec;
}

const cases: readonly Case[] = [
  {
    name: "two days of 1.5 GiB a day in Spain",
    code: "roaming_spike",
    fires: true,
    spec: { current: during(10, 11, () => ({ networks: { "21401": 1.5 * GIB } })) },
  },
  {
    name: "a week in Spain at the usual volume",
    code: "roaming_spike",
    fires: false,
    spec: { current: during(10, 16, (_d, i) => ({ networks: { "21401": ordinary(i).networks["20801"] ?? 0 } })) },
  },
  {
    name: "206-10 taking 60% of a line that stays home",
    code: "border_flapping",
    fires: true,
    spec: { current: during(5, 31, () => ({ networks: { "20801": 40 * MIB, "20610": 60 * MIB } })) },
  },
  {
    name: "a border resident's usual 6% on 206-10",
    code: "border_flapping",
    fires: false,
    spec: {
      history: history(() => ({ networks: { "20801": 94 * MIB, "20610": 6 * MIB } })),
      current: () => ({ networks: { "20801": 93 * MIB, "20610": 7 * MIB } }),
    },
  },
  {
    name: "five days round the clock",
    code: "always_on",
    fires: true,
    spec: { current: during(8, 12, (_d, i) => ({ ...ordinary(i), hours: 24 })) },
  },
  {
    name: "a router that is always on by habit",
    code: "always_on",
    fires: false,
    spec: {
      history: history((_d, i) => ({ ...ordinary(i), hours: 23 })),
      current: (_d, i) => ({ ...ordinary(i), hours: 24 }),
    },
  },
  {
    name: "three days at 15 times the usual volume",
    code: "volume_multiple",
    fires: true,
    spec: { current: during(12, 14, () => ({ networks: { "20801": 1.5 * GIB } })) },
  },
  {
    name: "a steadily heavy user",
    code: "volume_multiple",
    fires: false,
    spec: {
      history: history(() => ({ networks: { "20801": 1.5 * GIB } })),
      current: () => ({ networks: { "20801": 1.6 * GIB } }),
    },
  },
  {
    name: "three days in Morocco at 100 EUR a day",
    code: "spend_velocity",
    fires: true,
    spec: { current: during(12, 14, () => ({ networks: { "60401": 100 * MIB }, spend: 100 * EUR })) },
  },
  {
    name: "a line that pays 30 EUR of overage every day",
    code: "spend_velocity",
    fires: false,
    spec: {
      history: history((_d, i) => ({ ...ordinary(i), spend: 30 * EUR })),
      current: (_d, i) => ({ ...ordinary(i), spend: 32 * EUR }),
    },
  },
  {
    name: "twelve days in Spain at three times the usual volume",
    code: "heavy_roaming",
    fires: true,
    spec: { current: during(5, 16, () => ({ networks: { "21401": 300 * MIB } })) },
  },
  {
    name: "twelve days in Spain at the usual volume",
    code: "heavy_roaming",
    fires: false,
    spec: { current: during(5, 16, () => ({ networks: { "21401": 100 * MIB } })) },
  },
  {
    name: "a new line at 5 GiB a day",
    code: "peer_outlier",
    fires: true,
    spec: { history: [], activatedOn: "2025-10-01", current: () => ({ networks: { "20801": 5 * GIB } }) },
  },
  {
    name: "a new line at the plan's usual 100 MiB a day",
    code: "peer_outlier",
    fires: false,
    spec: { history: [], activatedOn: "2025-10-01", current: () => ({ networks: { "20801": 100 * MIB } }) },
  },
];

function codesOf(spec: LineSpec): ReasonCode[] {
  const report = detectAnomalies({ lines: [line(spec)], peers: peers() });
  assert.deepEqual(report.problems, []);
  return report.findings.flatMap((f) => f.reasons.map((r) => r.code));
}

describe("detectors", () => {
  for (const c of cases) {
    it(`${c.code} ${c.fires ? "fires on" : "stays quiet on"} ${c.name}`, () => {
      assert.equal(codesOf(c.spec).includes(c.code), c.fires);
    });
  }

  it("an ordinary month raises nothing", () => {
    assert.deepEqual(codesOf({}), []);
  });

  it("the border message says who, since when, how much and what to do", () => {
    const report = detectAnomalies({
      lines: [line({ current: during(6, 31, () => ({ networks: { "20801": 39 * MIB, "20610": 61 * MIB }, spend: 2_000 * EUR })) })],
      peers: peers(),
    });
    const reason = report.findings[0]?.reasons.find((r) => r.code === "border_flapping");
    assert.ok(reason);
    assert.equal(reason.since, "2025-10-06");
    assert.match(reason.message, /^Since 6 Oct, 61% of traffic via 206-10 \(Belgium\), usually 0%/);
    assert.match(reason.message, /52,000\.00 EUR billed since 6 Oct/);
    assert.equal(reason.evidence.spend_since_eur, "52000.00");
  });

  it("speaks French when asked, with French typography", () => {
    const report = detectAnomalies({
      lines: [line({ current: during(1, 31, () => ({ networks: { "20801": 39 * MIB, "20610": 61 * MIB }, spend: 2_000 * EUR })) })],
      peers: peers(),
      locale: "fr",
    });
    const message = report.findings[0]?.reasons.find((r) => r.code === "border_flapping")?.message ?? "";
    assert.match(message, /^Depuis le 1er oct\., 61\u202f% du trafic passe par 206-10 \(Belgique\)/);
    assert.match(message, /62\u202f000,00\u202fEUR facturés depuis le 1er oct\. Verrouiller/);
  });
});
