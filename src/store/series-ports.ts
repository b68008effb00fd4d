/**
 * A line's usage over time, as the line-360 chart reads it: the journal summed by hour. Hours
 * are UTC; cutting them into the catalog's local days is the app's business, not the store's.
 */
import type { Micros, Period, Service, Zone } from "../domain/index.ts";

export interface HourlyUsageRow {
  /** Start of the hour, UTC milliseconds. */
  readonly hourMs: number;
  readonly service: Service;
  readonly zone: Zone;
  /** Base units: octets, seconds or messages. */
  readonly quantity: number;
  readonly amount: Micros;
  /** Rating increments recorded but not billed because a blocking cap was reached. */
  readonly overUnits: number;
  readonly overCapId: string | undefined;
  /** Quantity served past a fair-use volume (throttled, never billed). */
  readonly throttledQuantity: number;
  readonly records: number;
}

export interface SeriesStore {
  /** The line's journal for one usage period, by hour, service and zone, in time order. */
  lineHours(lineId: string, usagePeriod: Period): Promise<HourlyUsageRow[]>;
}
