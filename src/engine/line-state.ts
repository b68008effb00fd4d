import { type EffectiveCap, effectiveCaps, type Micros, PeriodCounters, type Plan } from "../domain/index.ts";
import type { LineRecord } from "../store/index.ts";

/** The terms usage is rated on: a plan, the caps as they apply to the line, the fee it carries. */
export interface PlanTerms {
  readonly plan: Plan;
  readonly caps: readonly EffectiveCap[];
  readonly monthlyFee: Micros | undefined;
}

/**
 * A plan change at a cycle boundary (`plan-change.ts`): usage of a period before `from` is
 * rated on `before`, from `from` on `after`, whether the change is applied to the record yet or
 * not. Late records of the old plan's last period thus stay on the old plan.
 */
export interface PlanBoundary {
  readonly from: string;
  readonly before: PlanTerms;
  readonly after: PlanTerms;
}

/**
 * A line as the engine holds it: its record, plan, caps and per-period counters. Kept small:
 * a million of them must fit in about 1 KiB each.
 */
export class LineState {
  /**
   * Counters of the latest period with usage, and of older ones only when late records or a
   * reload need them: a Map per line would cost more than the counters themselves.
   */
  private latest: PeriodCounters | undefined;
  private older: Map<string, PeriodCounters> | undefined;
  /** Only on lines with a scheduled or recent plan change. */
  boundary: PlanBoundary | undefined = undefined;

  constructor(
    public record: LineRecord,
    public plan: Plan,
    public caps: readonly EffectiveCap[],
  ) {}

  /** The successful resolution of this line, shared rather than allocated per record. */
  readonly resolved: { readonly ok: true; readonly line: LineState } = { ok: true, line: this };

  get monthlyFee(): Micros | undefined {
    return this.record.monthlyFee;
  }

  /** The terms usage of `period` is rated and billed on (the line itself unless a plan change is near). */
  termsAt(period: string): PlanTerms {
    const b = this.boundary;
    if (b === undefined) return this;
    return period < b.from ? b.before : b.after;
  }

  counters(period: string): PeriodCounters {
    const latest = this.latest;
    if (latest?.period === period) return latest;
    const known = this.older?.get(period);
    if (known) return known;
    const created = new PeriodCounters(period);
    if (!latest || period > latest.period) {
      if (latest) {
        this.older ??= new Map();
        this.older.set(latest.period, latest);
      }
      this.latest = created;
    } else {
      this.older ??= new Map();
      this.older.set(period, created);
    }
    return created;
  }

  peek(period: string): PeriodCounters | undefined {
    return this.latest?.period === period ? this.latest : this.older?.get(period);
  }

  periodList(): string[] {
    const list = this.older ? [...this.older.keys()] : [];
    if (this.latest) list.push(this.latest.period);
    return list.sort();
  }
}

/** Shares one caps array between all lines with the same plan and choices. */
export class CapsCache {
  private readonly cache = new Map<string, readonly EffectiveCap[]>();

  for(plan: Plan, record: LineRecord): readonly EffectiveCap[] {
    const key = `${plan.id}|${record.roamingCap ?? ""}|${record.roamingOptOut ? 1 : 0}`;
    let caps = this.cache.get(key);
    if (!caps) {
      caps = effectiveCaps(plan, { roamingCap: record.roamingCap, roamingOptOut: record.roamingOptOut });
      this.cache.set(key, caps);
    }
    return caps;
  }
}
