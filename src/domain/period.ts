/**
 * Billing periods: calendar months in a time zone (Europe/Paris by default), closed at the
 * start and open at the end. A period is named "YYYY-MM".
 */
export type Period = string & { readonly __brand: "Period" };

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parsePeriod(text: string): Period | undefined {
  return PERIOD.test(text) ? (text as Period) : undefined;
}

export function periodOfYearMonth(year: number, month1: number): Period {
  return `${String(year).padStart(4, "0")}-${String(month1).padStart(2, "0")}` as Period;
}

export function nextPeriod(p: Period): Period {
  const y = Number(p.slice(0, 4));
  const m = Number(p.slice(5, 7));
  return m === 12 ? periodOfYearMonth(y + 1, 1) : periodOfYearMonth(y, m + 1);
}

export function previousPeriod(p: Period): Period {
  const y = Number(p.slice(0, 4));
  const m = Number(p.slice(5, 7));
  return m === 1 ? periodOfYearMonth(y - 1, 12) : periodOfYearMonth(y, m - 1);
}

/** Maps instants to periods in one time zone; month starts are computed once and cached. */
export class PeriodCalendar {
  private readonly starts = new Map<string, number>();
  private readonly offsetFormat: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    this.offsetFormat = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
  }

  /** The UTC instant (ms) at which `period` starts in this time zone. */
  startOf(period: Period): number {
    let start = this.starts.get(period);
    if (start === undefined) {
      const y = Number(period.slice(0, 4));
      const m = Number(period.slice(5, 7));
      const naive = Date.UTC(y, m - 1, 1);
      // Two passes settle the offset even when the month starts next to a DST change.
      let guess = naive - this.offsetAt(naive);
      guess = naive - this.offsetAt(guess);
      start = guess;
      this.starts.set(period, start);
    }
    return start;
  }

  endOf(period: Period): number {
    return this.startOf(nextPeriod(period));
  }

  periodOf(instantMs: number): Period {
    // Records come in time order: the last answer is usually the right one.
    if (instantMs >= this.lastStart && instantMs < this.lastEnd) return this.lastPeriod;
    const period = this.computePeriodOf(instantMs);
    this.lastStart = this.startOf(period);
    this.lastEnd = this.endOf(period);
    this.lastPeriod = period;
    return period;
  }

  private lastStart = 0;
  private lastEnd = 0;
  private lastPeriod = "" as Period;

  private computePeriodOf(instantMs: number): Period {
    const d = new Date(instantMs);
    const candidate = periodOfYearMonth(d.getUTCFullYear(), d.getUTCMonth() + 1);
    if (instantMs < this.startOf(candidate)) return previousPeriod(candidate);
    const next = nextPeriod(candidate);
    if (instantMs >= this.startOf(next)) return next;
    return candidate;
  }

  /** Local calendar date "YYYY-MM-DD" of an instant in this zone. */
  localDate(instantMs: number): string {
    const local = new Date(instantMs + this.offsetAt(instantMs));
    return local.toISOString().slice(0, 10);
  }

  private readonly offsets = new Map<number, number>();

  /** Offset of local time from UTC at `instantMs`, in ms (cached per quarter hour: zones change on those). */
  offsetAt(instantMs: number): number {
    const bucket = Math.floor(instantMs / 900_000);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      if (this.offsets.size > 50_000) this.offsets.clear();
      offset = this.computeOffset(bucket * 900_000);
      this.offsets.set(bucket, offset);
    }
    return offset;
  }

  private computeOffset(instantMs: number): number {
    const parts = this.offsetFormat.formatToParts(new Date(instantMs));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
    return asUtc - Math.floor(instantMs / 1000) * 1000;
  }
}
