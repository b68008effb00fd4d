import { enc, getJson, sendJson } from "../api.ts";
import { h } from "../dom.ts";
import { locale, t, tMaybe } from "../i18n.ts";
import { heading, type Page, type PageContext, problemBox, section } from "../page.ts";
import { link } from "../router.ts";
import type { Finding } from "../types.ts";
import { actionForm, field } from "../views/action-form.ts";
import { latestPeriod } from "./simulator.ts";

/** The highest scores first: a reviewer works down from the top; more on request. */
const TOP = 10;

/** "Normal for this line": a reviewer's dismissal, remembered with who, when and why. */
function dismissForm(ctx: PageContext, f: Finding): HTMLElement | null {
  if (!ctx.caps.has("POST", "/api/v1/anomalies/dismissals") || (ctx.me.role !== "admin" && ctx.me.role !== "reviewer")) return null;
  const code = h(
    "select",
    { name: "code" },
    f.reasons.map((r) => h("option", { value: r.code }, tMaybe(`anomaly.${r.code}`, r.code))),
  );
  const reason = h("textarea", { name: "reason", rows: 2, required: true });
  return h(
    "details",
    { class: "dismiss" },
    h("summary", {}, t("findings.dismiss")),
    actionForm({
      name: "dismiss",
      title: t("findings.dismissTitle", { line: f.line_id }),
      fields: [field(t("findings.code"), code), field(t("act.reason"), reason, t("findings.dismissHelp"))],
      submit: t("findings.dismissSubmit"),
      send: () => sendJson("POST", "/api/v1/anomalies/dismissals", { line_id: f.line_id, code: code.value, reason: reason.value }),
      done: t("findings.dismissed"),
      after: () => ctx.refresh(),
    }),
  );
}

function findingCard(ctx: PageContext, f: Finding, rank: number): HTMLElement {
  return h(
    "article",
    { class: "card finding", "data-finding": f.line_id },
    h(
      "h3",
      {},
      `${rank}. `,
      h("a", { href: link("lines", [f.line_id], ctx.query.get("period") ? { period: ctx.query.get("period") ?? "" } : {}) }, f.line_id),
      " ",
      h("span", { class: "badge score" }, t("findings.score", { score: f.score })),
    ),
    h("p", { class: "help" }, t("findings.account", { account: f.account_id })),
    h(
      "ul",
      {},
      f.reasons.map((r) => h("li", { "data-reason": r.code }, h("strong", {}, tMaybe(`anomaly.${r.code}`, r.code)), " — ", r.message)),
    ),
    dismissForm(ctx, f),
  );
}

/** Findings: lines whose consumption departs from their own past or their peers, with readable reasons. */
export const findingsPage: Page = {
  audience: "staff",
  async render(ctx) {
    if (!ctx.caps.has("GET", "/api/v1/anomalies")) return h("div", {}, heading(t("findings.title")), h("p", {}, t("common.notOffered")));
    const period = ctx.query.get("period") ?? (await latestPeriod());
    const input = h("input", { id: "f-period", name: "period", required: true, pattern: "\\d{4}-\\d{2}", value: period, autocomplete: "off" });
    const form = h(
      "form",
      {
        class: "filters",
        onsubmit: (e: Event) => {
          e.preventDefault();
          ctx.go(link("findings", [], { period: input.value }));
        },
      },
      field(t("notices.period"), input),
      h("button", { type: "submit" }, t("findings.show")),
    );
    const top = Math.max(TOP, Number(ctx.query.get("top") ?? TOP) || TOP);
    const res = period ? await getJson<Finding[]>(`/api/v1/anomalies?period=${enc(period)}&locale=${locale()}&top=${top}`) : undefined;
    return h(
      "div",
      {},
      heading(t("findings.title")),
      h("p", { class: "lead" }, t("findings.lead")),
      form,
      !res
        ? null
        : !res.ok
          ? problemBox(res.problem)
          : section(
              t("findings.listTitle", { count: res.value.length, period }),
              res.value.length === 0
                ? h("p", {}, t("findings.none"))
                : h(
                    "div",
                    { class: "findings" },
                    res.value.map((f, i) => findingCard(ctx, f, i + 1)),
                  ),
              res.value.length === top ? h("p", {}, h("a", { href: link("findings", [], { period, top: String(top + 20) }) }, t("notices.more"))) : null,
            ),
    );
  },
};
