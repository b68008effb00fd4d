import type pg from "pg";
import type { Micros, Period, Service, Zone } from "../../domain/index.ts";
import type { HourlyUsageRow, SeriesStore } from "../series-ports.ts";
import { int } from "./mapping.ts";

const HOUR_MS = 3_600_000;

interface HourPgRow {
  hour: string;
  service: string;
  zone: string;
  quantity: string;
  amount: string;
  over_units: string;
  over_cap_id: string | null;
  throttled_quantity: string;
  records: string;
}

/** A line's journal by hour. The journal's key leads with `line_id`, so this reads one line's rows only. */
export class PostgresSeriesStore implements SeriesStore {
  constructor(private readonly pool: pg.Pool) {}

  async lineHours(lineId: string, usagePeriod: Period): Promise<HourlyUsageRow[]> {
    const { rows } = await this.pool.query<HourPgRow>(
      `SELECT started_ms / ${HOUR_MS} AS hour, service, zone, SUM(quantity) AS quantity, SUM(amount) AS amount,
              SUM(over_units) AS over_units, MAX(over_cap_id) AS over_cap_id,
              SUM(CASE WHEN throttled THEN quantity ELSE 0 END) AS throttled_quantity, COUNT(*) AS records
       FROM usage WHERE line_id = $1 AND usage_period = $2 GROUP BY hour, service, zone ORDER BY hour, service, zone`,
      [lineId, usagePeriod],
    );
    return rows.map((r) => ({
      hourMs: int(r.hour, "hour") * HOUR_MS,
      service: r.service as Service,
      zone: r.zone as Zone,
      quantity: int(r.quantity, "quantity"),
      amount: int(r.amount, "amount") as Micros,
      overUnits: int(r.over_units, "over_units"),
      overCapId: r.over_cap_id ?? undefined,
      throttledQuantity: int(r.throttled_quantity, "throttled_quantity"),
      records: int(r.records, "records"),
    }));
  }
}
