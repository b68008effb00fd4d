import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validateLine } from "../../domain/anomaly/index.ts";
import { type Micros, PeriodCalendar, type Zone } from "../../domain/index.ts";
import type { UsageSlot } from "../../store/index.ts";
import { historyMonths, lineInputs } from "./series.ts";

const paris = new PeriodCalendar("Europe/Paris");
const MIB = 1024 * 1024;

/** A slot at a UTC instant given as text, so each case says exactly which quarter hour it is. */
function slot(lineId: string, utc: string, plmn: string, zone: Zone, octets: number, amount = 0, dataRecords = 1): UsageSlot {
  return { lineId, slotMs: Date.parse(utc), servingPlmn: plmn, zone, octets, amount: amount as Micros, dataRecords };
}

const line = (lineId: string, activatedAt?: string) => ({ lineId, accountId: `A-${lineId}`, planId: "pro-everywhere-95", activatedAt });

function inputs(slots: UsageSlot[], lines = [line("L1")]) {
  return lineInputs({ period: "2009-10", history: historyMonths("2009-10", 3), homeMcc: "208", calendar: paris, lines, slots });
}

describe("journal slots → the detectors' input", () => {
  it("cuts days at Paris midnight, summer and winter time alike, with the ISO weekday", () => {
    const [l] = inputs([
      slot("L1", "2009-09-30T22:00:00Z", "20801", "home", 1 * MIB), // 1 Oct 00:00 CEST
      slot("L1", "2009-10-24T21:45:00Z", "20801", "home", 2 * MIB), // 24 Oct 23:45 CEST
      slot("L1", "2009-10-25T22:45:00Z", "20801", "home", 3 * MIB), // 25 Oct 23:45 CET, the 25-hour day
      slot("L1", "2009-10-31T23:00:00Z", "20801", "home", 4 * MIB), // 1 Nov 00:00 CET: not October
    ]);
    assert.deepEqual(
      l?.days.map((d) => [d.date, d.weekday, d.octets]),
      [
        ["2009-10-01", 4, 1 * MIB],
        ["2009-10-24", 6, 2 * MIB],
        ["2009-10-25", 7, 3 * MIB],
      ],
    );
  });

  it("adds octets per network and per zone, counts non-terrestrial as world, spend in micros, hours as a bitmap", () => {
    const [l] = inputs([
      slot("L1", "2009-10-06T06:00:00Z", "20801", "home", 10 * MIB, 0), // 08:00 local
      slot("L1", "2009-10-06T06:15:00Z", "20610", "eu", 6 * MIB, 61_440_000), // 08:15 local
      slot("L1", "2009-10-06T07:00:00Z", "20610", "eu", 2 * MIB, 20_480_000), // 09:00 local
      slot("L1", "2009-10-06T18:30:00Z", "90112", "non_terrestrial", 1 * MIB, 51_200_000), // 20:30 local
      slot("L1", "2009-10-06T19:00:00Z", "20801", "home", 0, 150_000, 0), // a call: money, no data, no data hour
    ]);
    assert.deepEqual(l?.days, [
      {
        date: "2009-10-06",
        weekday: 2,
        octets: 19 * MIB,
        byNetwork: [
          { plmn: "20610", octets: 8 * MIB },
          { plmn: "20801", octets: 10 * MIB },
          { plmn: "90112", octets: 1 * MIB },
        ],
        byZone: { home: 10 * MIB, national: 0, eu: 8 * MIB, world: 1 * MIB },
        spend: 61_440_000 + 20_480_000 + 51_200_000 + 150_000,
        activity: { kind: "bitmap", mask: (1 << 8) | (1 << 9) | (1 << 20) },
      },
    ]);
    assert.deepEqual(validateLine(l as NonNullable<typeof l>), []);
  });

  it("files earlier months as history, oldest first, every month present even when silent", () => {
    const [l] = inputs([slot("L1", "2009-08-03T08:00:00Z", "20801", "home", MIB), slot("L1", "2009-10-02T08:00:00Z", "20801", "home", MIB)]);
    assert.deepEqual(
      l?.history.map((m) => [m.month, m.days.map((d) => d.date)]),
      [
        ["2009-07", []],
        ["2009-08", ["2009-08-03"]],
        ["2009-09", []],
      ],
    );
  });

  it("takes the activation from the lines file, else from the first usage, else the period's start", () => {
    const [given, inWindow, fromStart, newLine, silent] = inputs(
      [
        slot("L2", "2009-07-20T08:00:00Z", "20801", "home", MIB),
        slot("L3", "2009-08-20T08:00:00Z", "20801", "home", MIB),
        slot("L4", "2009-10-12T08:00:00Z", "20801", "home", MIB),
      ],
      [line("L1", "2009-09-14T23:30:00Z"), line("L2"), line("L3"), line("L4"), line("L5")],
    );
    assert.equal(given?.activatedOn, "2009-09-15", "a local date: 01:30 in Paris");
    assert.equal(inWindow?.activatedOn, "2009-07-01", "used in the oldest month read: it may be older than the window");
    assert.equal(fromStart?.activatedOn, "2009-08-20");
    assert.equal(newLine?.activatedOn, "2009-10-12");
    assert.equal(silent?.activatedOn, "2009-10-01");
  });
});
