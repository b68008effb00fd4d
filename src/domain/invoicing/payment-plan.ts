import { allocate, type Micros, sub, sum, toCents } from "../money.ts";
import { isWholeCents } from "./balance.ts";
import { type Outcome, refuse, success } from "./review-errors.ts";

export interface Instalment {
  /** 1-based. */
  readonly seq: number;
  /** Local calendar date "YYYY-MM-DD". */
  readonly dueDate: string;
  readonly amount: Micros;
}

/**
 * Five years at most. In 2009 the physician was offered a 40-year schedule: a plan that long is
 * not a plan, it is a sign that the invoice itself is wrong.
 */
export const MAX_INSTALMENTS = 60;

/**
 * Splits what is owed into `count` monthly instalments from `firstDue` (same day of each month,
 * the month's last day when it is shorter). Without `amounts`, the balance is allocated in whole
 * cents, the odd cents on the first instalments; with them, they must sum exactly to it.
 */
export function planInstalments(balance: Micros, count: number, firstDue: string, amounts?: readonly Micros[]): Outcome<Instalment[]> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_INSTALMENTS) {
    return refuse("invalid_instalments", `a payment plan has 1 to ${MAX_INSTALMENTS} instalments, not ${count}`);
  }
  if (balance <= 0 || !isWholeCents(balance)) return refuse("nothing_due", `nothing is owed on the invoice (balance ${toCents(balance)})`);
  if (!isDate(firstDue)) return refuse("invalid_due_date", `"${firstDue}" is not a date: use YYYY-MM-DD`);
  let parts: readonly Micros[] = allocate(balance, count);
  if (amounts !== undefined) {
    if (amounts.length !== count) {
      return refuse("payment_plan_mismatch", `${amounts.length} amount(s) given for ${count} instalment(s)`);
    }
    if (amounts.some((a) => a <= 0 || !isWholeCents(a))) return refuse("invalid_amount", "each instalment must be positive, in whole cents");
    const total = sum(amounts);
    if (total !== balance) {
      return refuse(
        "payment_plan_mismatch",
        `the instalments sum to ${toCents(total)}, the balance is ${toCents(balance)} (off by ${toCents(sub(total, balance))})`,
      );
    }
    parts = amounts;
  }
  return success(parts.map((amount, i) => ({ seq: i + 1, dueDate: addMonths(firstDue, i), amount })));
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

/** `date` plus `months` calendar months, clamped to the last day of a shorter month. */
export function addMonths(date: string, months: number): string {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(Number(m[3]), daysIn(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function daysIn(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}
