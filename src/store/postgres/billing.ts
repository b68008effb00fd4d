import type pg from "pg";
import type { Period, Service, Zone } from "../../domain/index.ts";
import type { InvoiceEvent, StoredInvoice, UsageAggregateRow } from "../ports.ts";
import { inTransaction } from "./connect.ts";
import { int } from "./mapping.ts";

/**
 * The billing side of the journal: what a period's invoices are built from, and the close that
 * writes them with the period's closing (and ends a partitioned close's mark, migration 080).
 */

/** A period's billed usage summed by line, service, zone, country and usage month. */
export async function usageForBilling(pool: pg.Pool, period: Period): Promise<UsageAggregateRow[]> {
  const { rows } = await pool.query<{
    line_id: string;
    service: string;
    zone: string;
    country: string;
    usage_period: string;
    quantity: string;
    units: string;
    unit_label: string;
    amount: string;
    over_units: string;
    over_cap_ids: string;
    records: string;
  }>(
    `SELECT line_id, service, zone, country, usage_period, SUM(quantity) AS quantity, SUM(units) AS units, MAX(unit_label) AS unit_label,
            SUM(amount) AS amount, SUM(over_units) AS over_units,
            COALESCE(string_agg(DISTINCT over_cap_id, ',' ORDER BY over_cap_id), '') AS over_cap_ids, COUNT(*) AS records
     FROM usage WHERE bill_period = $1 GROUP BY line_id, service, zone, country, usage_period
     ORDER BY line_id, service, zone, country, usage_period`,
    [period],
  );
  return rows.map((r) => ({
    lineId: r.line_id,
    service: r.service as Service,
    zone: r.zone as Zone,
    country: r.country,
    usagePeriod: r.usage_period as Period,
    quantity: int(r.quantity, "quantity"),
    units: int(r.units, "units"),
    unitLabel: r.unit_label,
    amount: int(r.amount, "amount"),
    overUnits: int(r.over_units, "over_units"),
    overCapIds: r.over_cap_ids,
    records: int(r.records, "records"),
  }));
}

/** The period closed, its invoices and their first events: one transaction. */
export async function writeClose(pool: pg.Pool, period: Period, invoices: readonly StoredInvoice[], events: readonly InvoiceEvent[]): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query("INSERT INTO periods (period, closed_at) VALUES ($1, $2)", [period, events[0]?.at ?? new Date(0).toISOString()]);
    await client.query("DELETE FROM periods_closing WHERE period = $1", [period]);
    for (const i of invoices) {
      await client.query("INSERT INTO invoices (invoice_id, account_id, period, status, total_excl_tax, document) VALUES ($1,$2,$3,$4,$5,$6)", [
        i.invoiceId,
        i.accountId,
        i.period,
        i.status,
        i.totalExclTax,
        i.document,
      ]);
    }
    for (const e of events) {
      await client.query("INSERT INTO invoice_events (invoice_id, at, actor, from_status, to_status, reason) VALUES ($1,$2,$3,$4,$5,$6)", [
        e.invoiceId,
        e.at,
        e.actor,
        e.from ?? null,
        e.to,
        e.reason,
      ]);
    }
  });
}
