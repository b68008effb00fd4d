import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addDays, dayNumber, daysInMonth, fromDayNumber, monthDays, previousMonth, weekdayOfDayNumber } from "./calendar.ts";

describe("calendar", () => {
  it("round-trips days and rejects impossible ones", () => {
    assert.equal(dayNumber("1970-01-01"), 0);
    assert.equal(fromDayNumber(dayNumber("2009-10-31") ?? -1), "2009-10-31");
    assert.equal(dayNumber("2025-02-29"), undefined);
    assert.equal(dayNumber("2024-02-29") !== undefined, true);
    assert.equal(dayNumber("2025-1-01"), undefined);
  });

  it("knows weekdays (1 October 2009 was a Thursday)", () => {
    assert.equal(weekdayOfDayNumber(dayNumber("2009-10-01") ?? 0), 4);
    assert.equal(weekdayOfDayNumber(dayNumber("2025-10-05") ?? 0), 7);
  });

  it("month lengths, month steps and day steps", () => {
    assert.equal(daysInMonth("2024-02"), 29);
    assert.equal(daysInMonth("2100-02"), 28);
    assert.equal(daysInMonth("2009-10"), 31);
    assert.equal(previousMonth("2025-01"), "2024-12");
    assert.equal(addDays("2009-12-31", 1), "2010-01-01");
    assert.equal(monthDays("2009-10").length, 31);
    assert.deepEqual(monthDays("2009-10")[0], { date: "2009-10-01", weekday: 4 });
  });
});
