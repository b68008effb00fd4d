import { type InvoiceLine, type Micros, money } from "../../domain/index.ts";
import { fitText } from "../pdf/index.ts";
import type { InvoicePdfData } from "./data.ts";
import { type Flow, LEFT, RIGHT } from "./flow.ts";
import { countryName, formatMoney, formatPeriod, formatQuantity } from "./format.ts";
import type { Labels, Locale } from "./labels.ts";

const COUNTRY_X = 300;
const QUANTITY_RIGHT = 455;
const UNIT_X = 460;

export function tableHeader(flow: Flow, l: Labels): void {
  const y = flow.row(16);
  flow.page.fill(LEFT, y - 4, RIGHT - LEFT, 15, 0.9);
  flow.page.text(LEFT + 4, y, l.description, { size: 8, bold: true });
  flow.page.text(COUNTRY_X, y, l.country, { size: 8, bold: true });
  flow.page.text(QUANTITY_RIGHT, y, l.quantity, { size: 8, bold: true, align: "right" });
  flow.page.text(RIGHT - 4, y, l.amount, { size: 8, bold: true, align: "right" });
}

/** The invoice's lines grouped by subscribed line, itemised by service, zone and country. */
export function items(flow: Flow, data: InvoicePdfData, l: Labels): void {
  const { invoice, locale } = data;
  const order = [...new Set(invoice.lines.map((x) => x.lineId))];
  for (const lineId of order) {
    const info = data.lines.find((x) => x.lineId === lineId);
    flow.need(60);
    const y = flow.row(18);
    const title = [`${l.line} ${lineId}`, info?.msisdn ? `+${info.msisdn}` : undefined, info?.planName].filter(Boolean).join(" — ");
    flow.page.text(LEFT, y, title, { size: 10, bold: true });
    tableHeader(flow, l);
    let subtotal = money.ZERO;
    for (const item of invoice.lines.filter((x) => x.lineId === lineId)) {
      const r = flow.row(13);
      flow.page.text(LEFT + 4, r, fitText(describe(item, info?.planName, l, locale), 8.5, COUNTRY_X - LEFT - 12), { size: 8.5 });
      flow.page.text(COUNTRY_X, r, fitText(item.kind === "subscription" ? "" : countryName(item.country, locale), 8.5, QUANTITY_RIGHT - COUNTRY_X - 60), {
        size: 8.5,
      });
      flow.page.text(QUANTITY_RIGHT, r, formatQuantity(item.quantity, locale), { size: 8.5, align: "right" });
      flow.page.text(UNIT_X, r, l.unit[item.unit] ?? item.unit, { size: 8.5 });
      flow.page.text(RIGHT - 4, r, formatMoney(item.amount, invoice.currency, locale), { size: 8.5, align: "right" });
      subtotal = money.add(subtotal, item.amount);
    }
    const s = flow.row(15);
    flow.page.line(UNIT_X, s + 10, RIGHT, s + 10, 0.3);
    flow.page.text(UNIT_X, s, l.subtotal, { size: 8.5, bold: true, align: "right" });
    flow.page.text(RIGHT - 4, s, formatMoney(subtotal, invoice.currency, locale), { size: 8.5, bold: true, align: "right" });
    flow.gap(8);
  }
}

export function describe(item: InvoiceLine, planName: string | undefined, l: Labels, locale: Locale): string {
  const kind = l.kind[item.kind];
  const zone = item.zone ? l.zone[item.zone] : "";
  switch (item.kind) {
    case "subscription":
      return `${kind} ${planName ?? item.planId ?? ""}`.trim();
    case "adjustment":
      return `${kind} — ${l.lateFrom(formatPeriod(item.originalPeriod ?? "", locale))}, ${zone}`;
    case "credit":
      return item.description;
    default:
      return zone ? `${kind} — ${zone}` : kind;
  }
}

/** Total excl. VAT, VAT at the period's rate, total incl. VAT. */
export function totals(flow: Flow, data: InvoicePdfData, l: Labels): void {
  const { invoice, locale } = data;
  const rate = (invoice.vatPpm / 10_000).toString();
  const rows: [string, Micros, boolean][] = [
    [l.totalExcl, invoice.totalExclTax, false],
    [l.vat(locale === "fr" ? rate.replace(".", ",") : rate), invoice.tax, false],
    [l.totalIncl, invoice.totalInclTax, true],
  ];
  flow.need(60);
  for (const [label, value, strong] of rows) {
    const y = flow.row(strong ? 18 : 14);
    if (strong) flow.page.fill(330, y - 5, RIGHT - 330, 17, 0.9);
    flow.page.text(340, y, label, { size: strong ? 11 : 9.5, bold: strong });
    flow.page.text(RIGHT - 4, y, formatMoney(value, invoice.currency, locale), { size: strong ? 11 : 9.5, bold: strong, align: "right" });
  }
  flow.gap(10);
}
