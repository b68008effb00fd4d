import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nextPeriod, type Period, PeriodCalendar } from "./period.ts";
import { parseRfc3339 } from "./time.ts";

const paris = new PeriodCalendar("Europe/Paris");
const at = (text: string) => parseRfc3339(text) as number;

describe("billing periods in Europe/Paris", () => {
  it("closes at the start and opens at the end, in local time", () => {
    assert.equal(paris.periodOf(at("2009-10-31T22:59:59Z")), "2009-10"); // 23:59:59 local (CET)
    assert.equal(paris.periodOf(at("2009-10-31T23:00:00Z")), "2009-11"); // midnight local
    assert.equal(paris.periodOf(at("2009-09-30T22:00:00Z")), "2009-10"); // CEST, +02:00
    assert.equal(paris.periodOf(at("2009-09-30T21:59:59Z")), "2009-09");
  });

  it("knows the month bounds across daylight-saving changes", () => {
    assert.equal(new Date(paris.startOf("2009-10" as Period)).toISOString(), "2009-09-30T22:00:00.000Z");
    assert.equal(new Date(paris.endOf("2009-10" as Period)).toISOString(), "2009-10-31T23:00:00.000Z");
    assert.equal(nextPeriod("2009-12" as Period), "2010-01");
  });
});

describe("RFC 3339 timestamps", () => {
  it("accepts offsets, Z and fractions; refuses the rest", () => {
    assert.equal(at("2009-10-01T08:40:00+02:00"), Date.UTC(2009, 9, 1, 6, 40));
    assert.equal(at("2009-10-01T06:40:00Z"), Date.UTC(2009, 9, 1, 6, 40));
    assert.equal(at("2009-10-01t06:40:00.250z"), Date.UTC(2009, 9, 1, 6, 40, 0, 250));
    for (const bad of [
      "2009-10-01T06:40:00",
      "2009-02-30T00:00:00Z",
      "2009-13-01T00:00:00Z",
      "yesterday",
      "2009-10-01T24:00:00Z",
      "2009-10-01T06:40:00+2:00",
    ]) {
      assert.equal(parseRfc3339(bad), undefined, bad);
    }
  });
});
