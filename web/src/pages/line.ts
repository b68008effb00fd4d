import { enc, getJson } from "../api.ts";
import { lineCharts } from "../charts/line-charts.ts";
import { h, table } from "../dom.ts";
import { locale, type MessageKey, t, tMaybe } from "../i18n.ts";
import { heading, type Page, problemBox, section } from "../page.ts";
import { shiftPeriod } from "../period.ts";
import { link } from "../router.ts";
import type { InvoiceDoc, LineReport, LineSeries } from "../types.ts";
import { formatDateTime } from "../units.ts";
import { capsTable, usageTable } from "../views/caps.ts";
import { invoiceView } from "../views/invoice.ts";

export function noticeLabel(n: { kind: string; threshold?: number; cap_id?: string; country_name?: string }): string {
  return t(`notice.${n.kind}` as MessageKey, { threshold: n.threshold ?? "", cap: n.cap_id ?? "", country: n.country_name ?? "" });
}

/** Line 360: one line's period — caps, usage by zone over time, notices, and the invoice it produced. */
export const linePage: Page = {
  audience: "staff",
  async render(ctx) {
    const lineId = ctx.params[0] ?? "";
    const asked = ctx.query.get("period");
    const report = await getJson<LineReport>(`/api/v1/lines/${enc(lineId)}${asked ? `?period=${enc(asked)}` : ""}`);
    if (!report.ok) return h("div", {}, heading(t("line.title", { line: lineId })), problemBox(report.problem));
    const r = report.value;
    const [series, invoices] = await Promise.all([
      getJson<LineSeries>(`/api/v1/lines/${enc(lineId)}/series?period=${enc(r.period)}`),
      getJson<InvoiceDoc[]>(`/api/v1/invoices?account_id=${enc(r.account_id)}&period=${enc(r.period)}`),
    ]);
    const L = locale();
    const nav = (months: number, label: string) => h("a", { href: link("lines", [lineId], { period: shiftPeriod(r.period, months) }) }, label);
    const invoice = invoices.ok ? invoices.value[0] : undefined;
    return h(
      "div",
      { class: "line-360" },
      heading(t("line.title", { line: r.line_id })),
      h(
        "dl",
        { class: "facts" },
        h("dt", {}, t("line.account")),
        h("dd", {}, r.account_id),
        h("dt", {}, t("line.plan")),
        h("dd", {}, r.plan_id),
        h("dt", {}, t("line.period")),
        h("dd", {}, r.period, " ", h("span", { class: "period-nav" }, nav(-1, t("line.previous")), " · ", nav(1, t("line.next")))),
        h("dt", {}, t("line.policy")),
        h("dd", {}, tMaybe(`policy.${r.policy_status}`, r.policy_status)),
      ),
      section(t("line.capsTitle"), capsTable(r, ctx.me.currency)),
      section(t("line.chartTitle"), series.ok ? lineCharts(series.value, L, { showHold: true }) : problemBox(series.problem)),
      section(t("line.usageTitle"), usageTable(r, ctx.me.currency)),
      section(
        t("line.noticesTitle"),
        r.notices.length === 0
          ? h("p", {}, t("line.noNotices"))
          : table(
              t("line.noticesCaption", { period: r.period }),
              [t("notices.notice"), t("notices.status"), t("notices.written")],
              r.notices.map((n) => [noticeLabel(n), tMaybe(`outbox.${n.status}`, n.status), formatDateTime(n.created_at, L, ctx.me.time_zone)]),
            ),
      ),
      section(
        t("line.invoiceTitle"),
        invoice
          ? h(
              "div",
              {},
              invoiceView(invoice),
              invoice.status === "held" ? h("p", {}, h("a", { href: link("review", [invoice.invoice_id]), class: "button" }, t("line.openCase"))) : null,
            )
          : h("p", {}, t("line.notInvoiced", { period: r.period })),
      ),
    );
  },
};
