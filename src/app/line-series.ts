import { type Micros, money, type Period, type Service, type Zone } from "../domain/index.ts";
import type { ChargingEngine } from "../engine/index.ts";
import type { Store } from "../store/index.ts";
import { UserError } from "./errors.ts";
import { type SeriesMarker, seriesMarkers } from "./series-markers.ts";

interface Deps {
  readonly store: Store;
  readonly engine: ChargingEngine;
}

export interface SeriesDay {
  date: string;
  service: Service;
  zone: Zone;
  quantity: number;
  /** Billed, excl. VAT, as a decimal string (micro-unit precision: it is not an invoice line). */
  spend: string;
  over_units: number;
  throttled_quantity: number;
  records: number;
}

export interface LineSeriesView {
  line_id: string;
  account_id: string;
  plan_id: string;
  period: string;
  time_zone: string;
  currency: string;
  /** Every local date of the period, in order: the chart's x axis. */
  dates: string[];
  daily: SeriesDay[];
  caps: { id: string; name: string; measure: "spend" | "volume"; service: Service | "any"; zones: Zone[]; limit: string; action: string }[];
  markers: SeriesMarker[];
  /** The lowest amount that holds an invoice for review (catalog rule `amount_above`), if any. */
  hold_threshold: string | null;
}

/** A line's usage over a period by local day, zone and service, with its caps and where it crossed them. */
export async function lineSeries(deps: Deps, lineId: string, period: Period): Promise<LineSeriesView> {
  const line = deps.engine.lines.get(lineId);
  if (!line) throw new UserError("unknown_line", `no line ${lineId}`);
  const series = deps.store.series;
  if (!series) throw new UserError("unsupported_store", `the ${deps.store.kind} store has no usage series yet`);
  const calendar = deps.engine.calendar;
  const hours = await series.lineHours(lineId, period);
  const byDay = new Map<string, SeriesDay & { micros: number }>();
  for (const h of hours) {
    const date = calendar.localDate(h.hourMs);
    const key = `${date}|${h.service}|${h.zone}`;
    const day = byDay.get(key) ?? {
      date,
      service: h.service,
      zone: h.zone,
      quantity: 0,
      spend: "",
      micros: 0,
      over_units: 0,
      throttled_quantity: 0,
      records: 0,
    };
    day.quantity += h.quantity;
    day.micros += h.amount;
    day.over_units += h.overUnits;
    day.throttled_quantity += h.throttledQuantity;
    day.records += h.records;
    byDay.set(key, day);
  }
  const dates: string[] = [];
  const end = calendar.endOf(period);
  // Stepping by 24 h from local midnight can skip or repeat a date on DST days: step by dates instead.
  for (let t = calendar.startOf(period) + 12 * 3_600_000; t < end; t += 86_400_000) {
    const date = calendar.localDate(t);
    if (dates.at(-1) !== date) dates.push(date);
  }
  const terms = line.termsAt(period);
  const holds = deps.engine.catalog.holdRules.flatMap((r) => (r.kind === "amount_above" ? [r.threshold] : []));
  return {
    line_id: line.record.lineId,
    account_id: line.record.accountId,
    plan_id: terms.plan.id,
    period,
    time_zone: calendar.timeZone,
    currency: deps.engine.catalog.currency,
    dates,
    daily: [...byDay.values()].map(({ micros, ...d }) => ({ ...d, spend: money.toPrice(micros as Micros) })),
    caps: terms.caps.map(({ cap, limit }) => ({
      id: cap.id,
      name: cap.name,
      measure: cap.measure.kind,
      service: cap.measure.service ?? "any",
      zones: [...cap.measure.zones],
      limit: cap.measure.kind === "spend" ? money.toCents(limit as Micros) : String(limit),
      action: cap.action,
    })),
    markers: seriesMarkers(hours, terms.caps, terms.plan.allowances),
    hold_threshold: holds.length > 0 ? money.toCents(Math.min(...holds) as Micros) : null,
  };
}
