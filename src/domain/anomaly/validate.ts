/**
 * Checks a line's input once, collecting every problem rather than the first, so the caller can
 * fix its mapping in one pass. Sums must match exactly: a volume counted in one breakdown and not
 * the other would make a share wrong by an amount nobody could see.
 */
import { dayNumber, isMonthId, monthOf, weekdayOfDayNumber } from "./calendar.ts";
import type { Problem, ProblemCode } from "./problems.ts";
import { type DailyUsage, type LineInput, ZONES } from "./types.ts";

const PLMN = /^\d{5,6}$/;
const MCC = /^\d{3}$/;
const MAX_MASK = 0xffffff;

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/** Problems of one day of `month`; used again by the incremental API for each new day. */
export function dayProblems(lineId: string, month: string, day: DailyUsage): Problem[] {
  const out: Problem[] = [];
  const add = (code: ProblemCode, message: string): void => {
    out.push({ code, lineId, date: day.date, message });
  };
  const n = dayNumber(day.date);
  if (n === undefined) {
    add("bad_date", `"${day.date}" is not a calendar day (YYYY-MM-DD)`);
    return out;
  }
  if (weekdayOfDayNumber(n) !== day.weekday) {
    add("weekday_mismatch", `${day.date} is weekday ${weekdayOfDayNumber(n)}, not ${day.weekday}`);
  }
  if (monthOf(day.date) !== month) add("day_outside_month", `${day.date} is not in ${month}`);
  if (!isCount(day.octets)) add("bad_octets", `octets must be a whole number ≥ 0: ${day.octets}`);
  let zoneSum = 0;
  for (const zone of ZONES) {
    const v = day.byZone[zone];
    if (!isCount(v)) add("bad_octets", `octets in zone ${zone} must be a whole number ≥ 0: ${v}`);
    zoneSum += v;
  }
  if (zoneSum !== day.octets) {
    add("zone_sum_mismatch", `zones add up to ${zoneSum} octets, the day says ${day.octets}`);
  }
  let networkSum = 0;
  for (const net of day.byNetwork) {
    if (!PLMN.test(net.plmn)) add("bad_plmn", `"${net.plmn}" is not an MCC-MNC (5 or 6 digits)`);
    if (!isCount(net.octets)) add("bad_octets", `octets on ${net.plmn} must be a whole number ≥ 0`);
    networkSum += net.octets;
  }
  if (networkSum !== day.octets) {
    add("network_sum_mismatch", `networks add up to ${networkSum} octets, the day says ${day.octets}`);
  }
  if (!isCount(day.spend)) add("bad_spend", `spend must be whole micro-euros ≥ 0: ${day.spend}`);
  const a = day.activity;
  const badActivity = a.kind === "hours" ? !isCount(a.count) || a.count > 24 : !isCount(a.mask) || a.mask > MAX_MASK;
  if (badActivity) add("bad_activity", "activity must be 0..24 hours or a 24-bit hourly mask");
  return out;
}

function seriesProblems(lineId: string, month: string, days: readonly DailyUsage[]): Problem[] {
  const out: Problem[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const day of days) {
    out.push(...dayProblems(lineId, month, day));
    const n = dayNumber(day.date);
    if (n === undefined) continue;
    if (n <= previous) {
      out.push({ code: "day_out_of_order", lineId, date: day.date, message: `${day.date} repeats or goes back in time` });
    }
    previous = n;
  }
  return out;
}

export function validateLine(line: LineInput): readonly Problem[] {
  const out: Problem[] = [];
  const { lineId } = line;
  if (!isMonthId(line.period)) {
    out.push({ code: "bad_period", lineId, message: `period "${line.period}" is not YYYY-MM` });
    return out;
  }
  if (!MCC.test(line.homeMcc)) {
    out.push({ code: "bad_home_mcc", lineId, message: `home MCC "${line.homeMcc}" is not 3 digits` });
  }
  if (dayNumber(line.activatedOn) === undefined) {
    out.push({ code: "bad_activation_date", lineId, message: `"${line.activatedOn}" is not a calendar day` });
  }
  let previousMonth = "";
  for (const series of line.history) {
    if (!isMonthId(series.month) || series.month >= line.period || series.month <= previousMonth) {
      out.push({
        code: "history_not_before_period",
        lineId,
        message: `history month "${series.month}" must be YYYY-MM, before ${line.period}, in order`,
      });
      continue;
    }
    previousMonth = series.month;
    out.push(...seriesProblems(lineId, series.month, series.days));
  }
  out.push(...seriesProblems(lineId, line.period, line.days));
  return out;
}
