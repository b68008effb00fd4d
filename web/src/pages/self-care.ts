import { enc, getBlob, getJson, sendJson } from "../api.ts";
import { lineCharts } from "../charts/line-charts.ts";
import { announce, h, table } from "../dom.ts";
import { locale, t } from "../i18n.ts";
import { formatMoney } from "../money.ts";
import { heading, type Page, type PageContext, problemBox, section } from "../page.ts";
import type { InvoiceDoc, LineReport, LineSeries, RoamingLimit } from "../types.ts";
import { capsTable, usageTable } from "../views/caps.ts";
import { statusBadge } from "../views/invoice.ts";
import { roamingExplanation, roamingForm } from "../views/roaming-form.ts";

const PDF_PATH = "/api/v1/invoices/{invoiceId}/pdf";

function consentCards(ctx: PageContext, report: LineReport): HTMLElement | null {
  if (!ctx.caps.has("POST", "/api/v1/lines/{lineId}/consent")) return null;
  const blocked = report.caps.filter((c) => c.state === "blocked");
  if (blocked.length === 0) return null;
  return h(
    "div",
    {},
    blocked.map((c) =>
      h(
        "div",
        { class: "card alert-card", "data-consent": c.id },
        h("p", {}, t("selfCare.cutOff", { period: report.period })),
        h(
          "button",
          {
            type: "button",
            onclick: async () => {
              const res = await sendJson("POST", `/api/v1/lines/${enc(report.line_id)}/consent`, { cap_id: c.id, period: report.period });
              if (!res.ok) return document.getElementById("main")?.prepend(problemBox(res.problem));
              announce(t("selfCare.consented"));
              ctx.refresh();
            },
          },
          t("selfCare.consent"),
        ),
      ),
    ),
  );
}

async function downloadPdf(invoiceId: string): Promise<void> {
  const res = await getBlob(PDF_PATH.replace("{invoiceId}", enc(invoiceId)), "application/pdf");
  if (!res.ok) return void document.getElementById("main")?.prepend(problemBox(res.problem));
  const url = URL.createObjectURL(res.value);
  const a = h("a", { href: url, download: `${invoiceId}.pdf` });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function invoicesSection(ctx: PageContext, invoices: readonly InvoiceDoc[]): HTMLElement {
  const pdf = ctx.caps.has("GET", PDF_PATH);
  if (invoices.length === 0) return h("p", {}, t("selfCare.noInvoices"));
  return table(
    t("selfCare.invoicesCaption"),
    [t("review.invoice"), t("review.period"), t("invoice.inclTax"), t("invoice.status"), ...(pdf ? [t("selfCare.pdf")] : [])],
    invoices.map((i) => [
      i.invoice_id,
      i.period,
      formatMoney(i.total_incl_tax, locale(), i.currency),
      statusBadge(i.status),
      ...(pdf
        ? [h("button", { type: "button", class: "secondary", onclick: () => void downloadPdf(i.invoice_id) }, t("selfCare.download", { id: i.invoice_id }))]
        : []),
    ]),
    [2],
  );
}

/** Self-care: the customer's usage and spend, their caps and the EU roaming limit, their invoices. */
export const selfCarePage: Page = {
  audience: "customer",
  async render(ctx) {
    const lines = ctx.me.lines;
    const lineId = ctx.query.get("line") ?? lines[0]?.line_id;
    if (!lineId) return h("div", {}, heading(t("selfCare.title")), h("p", {}, t("selfCare.noLines")));
    const [report, limit, invoices] = await Promise.all([
      getJson<LineReport>(`/api/v1/lines/${enc(lineId)}`),
      getJson<RoamingLimit>(`/api/v1/lines/${enc(lineId)}/roaming-limit`),
      getJson<InvoiceDoc[]>("/api/v1/invoices?limit=24"),
    ]);
    if (!report.ok) return h("div", {}, heading(t("selfCare.title")), problemBox(report.problem));
    const r = report.value;
    const series = await getJson<LineSeries>(`/api/v1/lines/${enc(lineId)}/series?period=${enc(r.period)}`);
    return h(
      "div",
      { class: "self-care" },
      heading(t("selfCare.lineTitle", { line: lineId })),
      consentCards(ctx, r),
      section(t("selfCare.usageTitle", { period: r.period }), usageTable(r, ctx.me.currency), capsTable(r, ctx.me.currency)),
      section(
        t("selfCare.limitTitle"),
        limit.ok
          ? h(
              "div",
              {},
              roamingExplanation(limit.value),
              roamingForm(limit.value, () => ctx.refresh()),
            )
          : problemBox(limit.problem),
      ),
      section(t("selfCare.chartTitle"), series.ok ? lineCharts(series.value, locale(), { showHold: false }) : problemBox(series.problem)),
      section(t("selfCare.invoicesTitle"), invoices.ok ? invoicesSection(ctx, invoices.value) : problemBox(invoices.problem)),
    );
  },
};
