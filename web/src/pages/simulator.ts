import { getJson, sendJson } from "../api.ts";
import { deltaBands, deltaHistogram } from "../charts/histogram.ts";
import { h, table } from "../dom.ts";
import { locale, t } from "../i18n.ts";
import { formatMoney, toMicros } from "../money.ts";
import { heading, type Page, type PageContext, problemBox, section } from "../page.ts";
import { link } from "../router.ts";
import type { CatalogView, InvoiceDoc, SimulationView } from "../types.ts";
import { field } from "../views/action-form.ts";
import { migrationForm } from "../views/migration-form.ts";

/** The latest invoiced period: what a simulation re-rates by default. */
export async function latestPeriod(): Promise<string> {
  const first = await getJson<InvoiceDoc[]>("/api/v1/invoices?limit=1");
  if (!first.ok) return "";
  const total = Number(first.headers.get("x-total-count") ?? 1);
  const last = await getJson<InvoiceDoc[]>(`/api/v1/invoices?limit=1&offset=${Math.max(0, total - 1)}`);
  return last.ok ? (last.value[0]?.period ?? "") : "";
}

function result(ctx: PageContext, sim: SimulationView): HTMLElement {
  const L = locale();
  const cur = ctx.me.currency;
  const m = (v: string) => formatMoney(v, L, cur);
  const bands = deltaBands(
    sim.lines.map((l) => l.delta),
    L,
    cur,
  );
  const biggest = [...sim.lines].sort((a, b) => (toMicros(a.delta) < toMicros(b.delta) ? -1 : 1)).slice(0, 10);
  const totals = sim.totals;
  return h(
    "div",
    { "data-simulation": sim.to },
    section(
      t("simulator.resultTitle", { from: sim.from ?? t("simulator.anyPlan"), to: sim.to, periods: sim.periods.join(", ") }),
      h(
        "dl",
        { class: "totals" },
        h("dt", {}, t("simulator.lines")),
        h("dd", {}, String(totals.lines)),
        h("dt", {}, t("simulator.oldTotal")),
        h("dd", {}, m(totals.old_total_excl_tax)),
        h("dt", {}, t("simulator.newTotal")),
        h("dd", {}, m(totals.new_total_excl_tax)),
        h("dt", {}, t("simulator.delta")),
        h("dd", { "data-delta": totals.delta }, m(totals.delta)),
        h("dt", {}, t("simulator.split")),
        h("dd", {}, t("simulator.splitText", { more: totals.paying_more, less: totals.paying_less, same: totals.unchanged })),
      ),
      deltaHistogram(bands, {
        title: t("simulator.chartTitle", { to: sim.to }),
        desc: t("simulator.chartDesc", { more: totals.paying_more, less: totals.paying_less, same: totals.unchanged }),
        band: t("simulator.band"),
        lines: t("simulator.lines"),
        caption: t("simulator.chartData"),
      }),
    ),
    section(
      t("simulator.whoPaysMore"),
      sim.who_pays_more.length === 0
        ? h("p", { "data-pays-more": "0" }, t("simulator.nobodyPaysMore"))
        : table(
            t("simulator.whoPaysMore"),
            [t("invoice.line"), t("review.account"), t("simulator.delta")],
            sim.who_pays_more.slice(0, 20).map((l) => [h("a", { href: link("lines", [l.line_id]) }, l.line_id), l.account_id, m(l.delta)]),
            [2],
          ),
    ),
    section(
      t("simulator.biggestSavings"),
      table(
        t("simulator.biggestSavings"),
        [t("invoice.line"), t("simulator.oldTotal"), t("simulator.newTotal"), t("simulator.delta")],
        biggest.map((l) => [h("a", { href: link("lines", [l.line_id]) }, l.line_id), m(l.old_total_excl_tax), m(l.new_total_excl_tax), m(l.delta)]),
        [1, 2, 3],
      ),
    ),
    migrationForm(ctx, sim),
  );
}

/** The migration simulator: pick a segment and a target plan, see who would pay more or less. */
export const simulatorPage: Page = {
  audience: "staff",
  async render(ctx) {
    if (!ctx.caps.has("POST", "/api/v1/simulations")) return h("div", {}, heading(t("simulator.title")), h("p", {}, t("common.notOffered")));
    const catalog = await getJson<CatalogView>("/api/v1/catalog");
    const plans = catalog.ok ? catalog.value.plans : [];
    const q = ctx.query;
    const from = h(
      "select",
      { name: "from" },
      h("option", { value: "" }, t("simulator.anyPlan")),
      plans.map((p) => h("option", { value: p.id, selected: q.get("from") === p.id }, p.id)),
    );
    const to = h(
      "select",
      { name: "to", required: true },
      plans.map((p) => h("option", { value: p.id, selected: (q.get("to") ?? "pro-unlimited") === p.id }, p.id)),
    );
    const period = h("input", {
      name: "period",
      required: true,
      pattern: "\\d{4}-\\d{2}",
      value: q.get("period") ?? (await latestPeriod()),
      autocomplete: "off",
    });
    const form = h(
      "form",
      {
        class: "card filters",
        "data-form": "simulation",
        onsubmit: (e: Event) => {
          e.preventDefault();
          ctx.go(link("simulator", [], { ...(from.value ? { from: from.value } : {}), to: to.value, period: period.value }));
        },
      },
      field(t("simulator.from"), from),
      field(t("simulator.to"), to),
      field(t("simulator.period"), period, t("simulator.periodHelp")),
      h("button", { type: "submit" }, t("simulator.run")),
    );
    const out: (HTMLElement | null)[] = [
      heading(t("simulator.title")),
      h("p", { class: "lead" }, t("simulator.lead")),
      catalog.ok ? null : problemBox(catalog.problem),
      form,
    ];
    const target = q.get("to");
    const p = q.get("period");
    if (target && p) {
      const sim = await sendJson<SimulationView>("POST", "/api/v1/simulations", {
        ...(q.get("from") ? { from: q.get("from") } : {}),
        to: target,
        periods: [p],
      });
      out.push(sim.ok ? result(ctx, sim.value) : problemBox(sim.problem));
    }
    return h(
      "div",
      {},
      out.filter((e): e is HTMLElement => e !== null),
    );
  },
};
