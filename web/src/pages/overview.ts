import { enc, getJson } from "../api.ts";
import { h } from "../dom.ts";
import { locale, type MessageKey, t } from "../i18n.ts";
import { formatMoney } from "../money.ts";
import { heading, type Page, problemBox, section } from "../page.ts";
import { link } from "../router.ts";
import type { InvoiceDoc, LineReport } from "../types.ts";
import { statusBadge } from "../views/invoice.ts";

/** The demo's two 2009 cases (shared/domain/story.md), when the store has them. */
const CASES: readonly { line: string; story: MessageKey }[] = [
  { line: "VAL-0001", story: "overview.valenciennes" },
  { line: "PHY-0001", story: "overview.physician" },
];

async function caseCard(line: string, story: MessageKey, currency: string): Promise<HTMLElement | null> {
  const report = await getJson<LineReport>(`/api/v1/lines/${enc(line)}`);
  if (!report.ok) return null;
  const r = report.value;
  const invoices = await getJson<InvoiceDoc[]>(`/api/v1/invoices?account_id=${enc(r.account_id)}&period=${enc(r.period)}`);
  const invoice = invoices.ok ? invoices.value[0] : undefined;
  const blocked = r.caps.filter((c) => c.state === "blocked" || c.state === "throttled");
  return h(
    "article",
    { class: "card case", "data-case": line },
    h("h3", {}, h("a", { href: link("lines", [line]) }, t("overview.caseTitle", { line, plan: r.plan_id }))),
    h("p", {}, t(story)),
    invoice
      ? h(
          "p",
          { class: "outcome" },
          t("overview.invoiceNow", { period: invoice.period }),
          " ",
          h("strong", { "data-total": invoice.invoice_id }, formatMoney(invoice.total_excl_tax, locale(), currency)),
          " ",
          statusBadge(invoice.status),
          invoice.status === "held" ? h("span", {}, " — ", h("a", { href: link("review", [invoice.invoice_id]) }, t("overview.openCase"))) : null,
        )
      : null,
    blocked.length > 0 ? h("p", {}, t("overview.capsActed", { caps: blocked.map((c) => c.id).join(", ") })) : null,
  );
}

export const overviewPage: Page = {
  audience: "staff",
  async render(ctx) {
    const held = await getJson<InvoiceDoc[]>("/api/v1/invoices?status=held&limit=1");
    const cards = (await Promise.all(CASES.map((c) => caseCard(c.line, c.story, ctx.me.currency)))).filter((c): c is HTMLElement => c !== null);
    return h(
      "div",
      {},
      heading(t("overview.title")),
      h("p", { class: "lead" }, t("overview.lead")),
      cards.length > 0 ? section(t("overview.casesTitle"), h("div", { class: "cards" }, cards)) : null,
      section(
        t("overview.queueTitle"),
        held.ok
          ? h(
              "p",
              {},
              t("overview.heldCount", { count: held.headers.get("x-total-count") ?? "0" }),
              " ",
              h("a", { href: link("review"), class: "button" }, t("overview.toReview")),
            )
          : problemBox(held.problem),
      ),
    );
  },
};
