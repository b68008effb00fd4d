import { money } from "../../domain/index.ts";
import { fitText } from "../pdf/index.ts";
import type { InvoicePdfData } from "./data.ts";
import { type Flow, LEFT, RIGHT } from "./flow.ts";
import { countryName, formatDate, formatMoney, formatQuantity, formatVolume } from "./format.ts";
import type { Labels } from "./labels.ts";

function heading(flow: Flow, text: string): void {
  flow.need(40);
  flow.gap(6);
  const y = flow.row(16);
  flow.page.text(LEFT, y, text, { size: 10.5, bold: true });
  flow.page.line(LEFT, y - 4, RIGHT, y - 4, 0.4);
  flow.gap(3);
}

/** Usage past a blocking cap: shown, so the customer sees the guard at work, but not billed. */
export function notBilled(flow: Flow, data: InvoicePdfData, l: Labels): void {
  if (data.invoice.notBilled.length === 0) return;
  heading(flow, l.notBilled);
  for (const n of data.invoice.notBilled) {
    const y = flow.row(13);
    flow.page.text(LEFT + 4, y, `${l.line} ${n.lineId} — ${l.zone[n.zone]}, ${countryName(n.country, data.locale)}`, { size: 8.5 });
    flow.page.text(RIGHT - 4, y, `${formatQuantity(n.quantity, data.locale)} ${l.unit[n.unit] ?? n.unit}`, { size: 8.5, align: "right" });
  }
}

export function credits(flow: Flow, data: InvoicePdfData, l: Labels): void {
  if (data.credits.length === 0) return;
  const { invoice, locale } = data;
  heading(flow, l.credits);
  for (const c of data.credits) {
    const y = flow.row(13);
    const text = `${l.creditNo} ${c.creditNoteId} — ${formatDate(c.at, locale)} — ${c.reason}`;
    flow.page.text(LEFT + 4, y, fitText(text, 8.5, 360), { size: 8.5 });
    flow.page.text(RIGHT - 4, y, `-${formatMoney(c.totalInclTax, invoice.currency, locale)}`, { size: 8.5, align: "right" });
  }
  const y = flow.row(18);
  flow.page.fill(330, y - 5, RIGHT - 330, 17, 0.9);
  flow.page.text(340, y, l.balance, { size: 11, bold: true });
  flow.page.text(RIGHT - 4, y, formatMoney(data.balance.inclTax, invoice.currency, locale), { size: 11, bold: true, align: "right" });
}

export function schedule(flow: Flow, data: InvoicePdfData, l: Labels): void {
  if (data.instalments.length === 0) return;
  heading(flow, l.schedule);
  for (const i of data.instalments) {
    const y = flow.row(13);
    flow.page.text(LEFT + 4, y, `${l.due} ${i.seq} — ${formatDate(i.dueDate, data.locale)}`, { size: 8.5 });
    flow.page.text(RIGHT - 4, y, formatMoney(i.amount, data.invoice.currency, data.locale), { size: 8.5, align: "right" });
  }
}

export function caps(flow: Flow, data: InvoicePdfData, l: Labels): void {
  heading(flow, l.caps);
  const lines = [...new Set(data.invoice.lines.map((x) => x.lineId))];
  for (const lineId of lines) {
    const mine = data.caps.filter((c) => c.lineId === lineId);
    const y = flow.row(13);
    flow.page.text(LEFT + 4, y, `${l.line} ${lineId}`, { size: 8.5, bold: true });
    if (mine.length === 0) flow.page.text(150, y, l.noCaps, { size: 8.5 });
    mine.forEach((c, i) => {
      const r = i === 0 ? y : flow.row(13);
      const limit = c.measure === "spend" ? formatMoney(money.micros(c.limit), data.invoice.currency, data.locale) : formatVolume(c.limit, data.locale);
      const colon = data.locale === "fr" ? " : " : ": ";
      flow.page.text(150, r, fitText(`${c.name}${colon}${limit} — ${l.action[c.action]}`, 8.5, RIGHT - 160), { size: 8.5 });
    });
  }
}

export function notices(flow: Flow, data: InvoicePdfData, l: Labels): void {
  heading(flow, l.notices);
  if (data.notices.length === 0) {
    flow.page.text(LEFT + 4, flow.row(13), l.noNotices, { size: 8.5 });
    return;
  }
  for (const n of data.notices) {
    const y = flow.row(13);
    const country = n.country ? countryName(n.country, data.locale) : undefined;
    flow.page.text(LEFT + 4, y, formatDate(n.at, data.locale), { size: 8.5 });
    flow.page.text(110, y, `${l.line} ${n.lineId}`, { size: 8.5 });
    flow.page.text(200, y, fitText(l.notice(n.kind, { threshold: n.threshold, capName: n.capName, country }), 8.5, RIGHT - 204), { size: 8.5 });
  }
}
