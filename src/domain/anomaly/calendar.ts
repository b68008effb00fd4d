/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings, with no `Date` and no time zone: the caller has
 * already cut usage into Europe/Paris days, so a day is a label and only its order matters.
 */

/** A local calendar day, 'YYYY-MM-DD'. */
export type IsoDate = string;
/** A billing period (calendar month), 'YYYY-MM'. */
export type MonthId = string;
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

// Howard Hinnant's days-from-civil: exact for the proleptic Gregorian calendar.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): readonly [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** Days since 1970-01-01, or undefined when `date` is not a real calendar day. */
export function dayNumber(date: IsoDate): number | undefined {
  const m = DATE.exec(date);
  if (!m) return undefined;
  const n = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  return fromDayNumber(n) === date ? n : undefined;
}

export function fromDayNumber(n: number): IsoDate {
  const [y, m, d] = civilFromDays(n);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

export function weekdayOfDayNumber(n: number): Weekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return (((((n + 3) % 7) + 7) % 7) + 1) as Weekday;
}

export function isMonthId(text: string): boolean {
  return MONTH.test(text);
}

export function monthOf(date: IsoDate): MonthId {
  return date.slice(0, 7);
}

export function firstDayOf(month: MonthId): IsoDate {
  return `${month}-01`;
}

export function daysInMonth(month: MonthId): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const next = m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1);
  return next - daysFromCivil(y, m, 1);
}

export function lastDayOf(month: MonthId): IsoDate {
  return `${month}-${pad(daysInMonth(month), 2)}`;
}

export function previousMonth(month: MonthId): MonthId {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${pad(y - 1, 4)}-12` : `${pad(y, 4)}-${pad(m - 1, 2)}`;
}

/** Every day of a month with its weekday, in order. */
export function monthDays(month: MonthId): readonly { date: IsoDate; weekday: Weekday }[] {
  const start = daysFromCivil(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1);
  const out: { date: IsoDate; weekday: Weekday }[] = [];
  for (let i = 0; i < daysInMonth(month); i++) {
    out.push({ date: fromDayNumber(start + i), weekday: weekdayOfDayNumber(start + i) });
  }
  return out;
}

/** For dates already validated: an invalid one here is a bug, not an input problem. */
export function knownDayNumber(date: IsoDate): number {
  const n = dayNumber(date);
  if (n === undefined) throw new RangeError(`not a validated calendar day: ${date}`);
  return n;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(knownDayNumber(date) + days);
}
