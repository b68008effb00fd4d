import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Cap, EffectiveCap, Micros } from "../domain/index.ts";
import type { HourlyUsageRow } from "../store/index.ts";
import { seriesMarkers } from "./series-markers.ts";

const H = 3_600_000;
const roaming: Cap = {
  id: "eu-roaming-data",
  name: "Roaming data limit",
  scope: "line",
  measure: { kind: "spend", service: "data", zones: ["eu", "world", "non_terrestrial"] },
  limit: 50_000_000,
  notices: [80, 100],
  action: "block",
  adjustableBy: "customer",
  lineRoamingOverride: true,
  throttle: undefined,
};

function hour(h: number, zone: HourlyUsageRow["zone"], amount: number, over = 0): HourlyUsageRow {
  return {
    hourMs: h * H,
    service: "data",
    zone,
    quantity: 1_000_000,
    amount: amount as Micros,
    overUnits: over,
    overCapId: over > 0 ? "eu-roaming-data" : undefined,
    throttledQuantity: 0,
    records: 1,
  };
}

describe("series markers", () => {
  it("places the 80 % warning, the 100 % and the cut-off where the journal crossed them, in usage time", () => {
    const caps: EffectiveCap[] = [{ cap: roaming, limit: 50_000_000 }];
    const hours = [hour(0, "home", 5_000_000), hour(1, "eu", 30_000_000), hour(2, "eu", 12_000_000), hour(3, "eu", 8_000_000, 100), hour(4, "eu", 0, 500)];
    assert.deepEqual(
      seriesMarkers(hours, caps, []).map((m) => `${m.kind}:${m.threshold}@${m.at}`),
      ["cap_warning:80@1970-01-01T02:00:00.000Z", "cap_reached:100@1970-01-01T03:00:00.000Z", "cut_off:100@1970-01-01T03:00:00.000Z"],
    );
  });

  it("follows the line's own limit, and says nothing for a line that never came near it", () => {
    const hours = [hour(0, "eu", 10_000_000)];
    assert.deepEqual(
      seriesMarkers(hours, [{ cap: roaming, limit: 10_000_000 }], []).map((m) => m.kind),
      ["cap_warning", "cap_reached"],
    );
    assert.deepEqual(seriesMarkers(hours, [{ cap: roaming, limit: 50_000_000 }], []), []);
  });
});
