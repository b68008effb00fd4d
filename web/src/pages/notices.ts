import { getJson } from "../api.ts";
import { h, table } from "../dom.ts";
import { locale, t, tMaybe } from "../i18n.ts";
import { heading, type Page, problemBox } from "../page.ts";
import { link } from "../router.ts";
import type { NoticeRow } from "../types.ts";
import { formatDateTime } from "../units.ts";
import { noticeLabel } from "./line.ts";

const STATUSES = ["", "pending", "deferred", "retry", "sending", "sent", "dead", "expired"];
/** The outbox lists oldest first with a limit: the page shows a screenful and offers more. */
const PAGE = 50;

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h("div", { class: "field" }, h("label", { for: id }, label), control);
}

/** The notices log: what was written to the outbox for whom, and whether it went out. */
export const noticesPage: Page = {
  audience: "staff",
  async render(ctx) {
    const q = ctx.query;
    const limit = Math.max(PAGE, Number(q.get("limit") ?? PAGE) || PAGE);
    const params = new URLSearchParams({ limit: String(limit) });
    for (const k of ["status", "kind", "line_id", "period"]) {
      const v = q.get(k);
      if (v) params.set(k, v);
    }
    const res = await getJson<NoticeRow[]>(`/api/v1/notices?${params}`);
    const status = h(
      "select",
      { id: "f-status", name: "status" },
      STATUSES.map((s) => h("option", { value: s, selected: (q.get("status") ?? "") === s }, s ? tMaybe(`outbox.${s}`, s) : t("notices.any"))),
    );
    const kind = h("input", { id: "f-kind", name: "kind", value: q.get("kind") ?? "", placeholder: "cap_reached" });
    const line = h("input", { id: "f-line", name: "line_id", value: q.get("line_id") ?? "", placeholder: "VAL-0001" });
    const period = h("input", { id: "f-period", name: "period", value: q.get("period") ?? "", placeholder: "2009-10", pattern: "\\d{4}-\\d{2}" });
    const form = h(
      "form",
      {
        class: "filters",
        onsubmit: (e: Event) => {
          e.preventDefault();
          const query: Record<string, string> = {};
          for (const el of [status, kind, line, period]) if (el.value) query[el.name] = el.value;
          ctx.go(link("notices", [], query));
        },
      },
      field("f-status", t("notices.status"), status),
      field("f-kind", t("notices.kind"), kind),
      field("f-line", t("notices.line"), line),
      field("f-period", t("notices.period"), period),
      h("button", { type: "submit" }, t("notices.filter")),
    );
    const L = locale();
    return h(
      "div",
      {},
      heading(t("notices.title")),
      h("p", { class: "lead" }, t("notices.lead")),
      form,
      !res.ok
        ? problemBox(res.problem)
        : res.value.length === 0
          ? h("p", {}, t("notices.empty"))
          : table(
              t("notices.caption", { count: res.value.length }),
              [t("notices.written"), t("notices.line"), t("notices.notice"), t("notices.status"), t("notices.channels"), t("notices.lastError")],
              res.value.map((n) => [
                formatDateTime(n.created_at, L, ctx.me.time_zone),
                n.line_id ? h("a", { href: link("lines", [n.line_id], n.period ? { period: n.period } : {}) }, n.line_id) : "—",
                `${noticeLabel(n)}${n.urgent ? ` (${t("notices.urgent")})` : ""}`,
                tMaybe(`outbox.${n.status}`, n.status),
                n.deliveries.map((d) => d.channel).join(", ") || "—",
                n.last_error ?? "",
              ]),
            ),
      res.ok && res.value.length === limit
        ? h("p", {}, h("a", { href: link("notices", [], { ...Object.fromEntries(params), limit: String(limit + PAGE * 2) }) }, t("notices.more")))
        : null,
    );
  },
};
