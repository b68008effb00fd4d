import type Database from "better-sqlite3";
import type { Micros, Period, Service, Zone } from "../../domain/index.ts";
import type { HourlyUsageRow, SeriesStore } from "../series-ports.ts";

const HOUR_MS = 3_600_000;

interface HourSqlRow {
  hour: number;
  service: string;
  zone: string;
  quantity: number;
  amount: number;
  over_units: number;
  over_cap_id: string | null;
  throttled_quantity: number;
  records: number;
}

/**
 * The usage table has no index but record_id (each index costs the hot path a third of its
 * insert rate), so this reads the journal once per call: fine for one line on a back-office
 * page, not for a report over every line.
 */
export class SqliteSeriesStore implements SeriesStore {
  private readonly query: Database.Statement;

  constructor(db: Database.Database) {
    this.query = db.prepare(
      `SELECT started_ms / ${HOUR_MS} AS hour, service, zone, SUM(quantity) AS quantity, SUM(amount) AS amount,
              SUM(over_units) AS over_units, MAX(over_cap_id) AS over_cap_id,
              SUM(CASE WHEN throttled = 1 THEN quantity ELSE 0 END) AS throttled_quantity, COUNT(*) AS records
       FROM usage WHERE line_id = ? AND usage_period = ? GROUP BY hour, service, zone ORDER BY hour, service, zone`,
    );
  }

  async lineHours(lineId: string, usagePeriod: Period): Promise<HourlyUsageRow[]> {
    return (this.query.all(lineId, usagePeriod) as HourSqlRow[]).map((r) => ({
      hourMs: r.hour * HOUR_MS,
      service: r.service as Service,
      zone: r.zone as Zone,
      quantity: r.quantity,
      amount: r.amount as Micros,
      overUnits: r.over_units,
      overCapId: r.over_cap_id ?? undefined,
      throttledQuantity: r.throttled_quantity,
      records: r.records,
    }));
  }
}
