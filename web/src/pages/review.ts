import { enc, getJson, type Result } from "../api.ts";
import { h, table } from "../dom.ts";
import { locale, t, tMaybe } from "../i18n.ts";
import { formatMoney } from "../money.ts";
import { heading, type Page, type PageContext, problemBox, section } from "../page.ts";
import { link } from "../router.ts";
import type { InvoiceDoc, InvoiceEvent, QueueEntry, ReviewCase } from "../types.ts";
import { formatDateTime } from "../units.ts";
import { invoiceView, statusBadge } from "../views/invoice.ts";
import { reviewCaseSections } from "../views/review-case.ts";

const PAGE_SIZE = 25;

async function queue(ctx: PageContext): Promise<HTMLElement> {
  const offset = Math.max(0, Number(ctx.query.get("offset") ?? 0) || 0);
  const status = ctx.query.get("status") ?? "held";
  const res = await getJson<InvoiceDoc[]>(`/api/v1/invoices?status=${enc(status)}&sort=total_desc&limit=${PAGE_SIZE}&offset=${offset}`);
  if (!res.ok) return h("div", {}, heading(t("review.title")), problemBox(res.problem));
  const total = Number(res.headers.get("x-total-count") ?? res.value.length);
  const L = locale();
  const pager = h(
    "nav",
    { class: "pager", "aria-label": t("review.pages") },
    offset > 0 ? h("a", { href: link("review", [], { status, offset: String(Math.max(0, offset - PAGE_SIZE)) }) }, t("review.previousPage")) : null,
    h("span", {}, t("review.range", { from: total === 0 ? 0 : offset + 1, to: Math.min(total, offset + PAGE_SIZE), total })),
    offset + PAGE_SIZE < total ? h("a", { href: link("review", [], { status, offset: String(offset + PAGE_SIZE) }) }, t("review.nextPage")) : null,
  );
  return h(
    "div",
    {},
    heading(t("review.title")),
    h("p", { class: "lead" }, t("review.lead")),
    res.value.length === 0
      ? h("p", {}, t("review.empty"))
      : table(
          t("review.caption", { count: total }),
          [t("review.invoice"), t("review.account"), t("review.period"), t("review.total"), t("review.reasons")],
          res.value.map((i) => [
            h("a", { href: link("review", [i.invoice_id]) }, i.invoice_id),
            i.account_id,
            i.period,
            formatMoney(i.total_excl_tax, L, i.currency),
            h(
              "ul",
              { class: "reasons" },
              i.hold_reasons.map((r) => h("li", { title: r.message }, tMaybe(`reason.${r.code}`, r.code))),
            ),
          ]),
          [3],
        ),
    pager,
    await callsDue(ctx),
  );
}

/** The contact queue: the calls due first, as the 2009 measure asked (call before sending). */
async function callsDue(ctx: PageContext): Promise<HTMLElement | null> {
  if (!ctx.caps.has("GET", "/api/v1/review/queue")) return null;
  const res = await getJson<QueueEntry[]>("/api/v1/review/queue");
  if (!res.ok) return section(t("review.queueTitle"), problemBox(res.problem));
  const L = locale();
  const due = res.value.slice(0, 15);
  return section(
    t("review.queueTitle"),
    due.length === 0
      ? h("p", {}, t("review.queueEmpty"))
      : table(
          t("review.queueCaption", { shown: due.length, count: res.value.length }),
          [t("review.invoice"), t("review.dueBy"), t("review.why"), t("review.attempts"), t("review.balanceExcl")],
          due.map((q) => [
            h("a", { href: link("review", [q.invoice_id]) }, q.invoice_id),
            h(
              "span",
              { class: q.overdue ? "overdue" : undefined },
              formatDateTime(q.due_by, L, ctx.me.time_zone),
              q.overdue ? ` (${t("review.overdue")})` : "",
            ),
            q.why,
            String(q.attempts),
            formatMoney(q.balance_excl_tax, L, ctx.me.currency),
          ]),
          [3, 4],
        ),
  );
}

const CASE_PATH = "/api/v1/invoices/{invoiceId}/review";

/** The case as the review desk has it, or (on a server without it) the invoice and its events. */
async function loadCase(ctx: PageContext, invoiceId: string): Promise<Result<ReviewCase | (InvoiceDoc & { events: InvoiceEvent[] })>> {
  if (ctx.caps.has("GET", CASE_PATH)) return getJson<ReviewCase>(`/api/v1/invoices/${enc(invoiceId)}/review`);
  return getJson<InvoiceDoc & { events: InvoiceEvent[] }>(`/api/v1/invoices/${enc(invoiceId)}`);
}

async function reviewCase(ctx: PageContext, invoiceId: string): Promise<HTMLElement> {
  const res = await loadCase(ctx, invoiceId);
  const back = h("p", {}, h("a", { href: link("review") }, t("review.back")));
  if (!res.ok) return h("div", {}, heading(t("review.caseTitle", { id: invoiceId })), back, problemBox(res.problem));
  const full = "invoice" in res.value ? res.value : undefined;
  const inv = full ? full.invoice : (res.value as InvoiceDoc);
  const events = res.value.events;
  const L = locale();
  const lines = [...new Set(inv.lines.map((l) => l.line_id))];
  return h(
    "div",
    { class: "review-case", "data-status": inv.status },
    heading(t("review.caseTitle", { id: inv.invoice_id })),
    back,
    h("p", {}, statusBadge(inv.status), " ", t("review.caseAccount", { account: inv.account_id })),
    inv.hold_reasons.length > 0
      ? h("p", { class: "card alert-card" }, h("strong", {}, t("invoice.heldBecause")), " ", inv.hold_reasons.map((r) => r.message).join("; "))
      : null,
    h(
      "p",
      {},
      t("review.linesOf"),
      " ",
      lines.flatMap((l, i) => [i > 0 ? ", " : "", h("a", { href: link("lines", [l], { period: inv.period }) }, l)]),
    ),
    ...(full ? await reviewCaseSections(ctx, full) : []),
    section(t("review.invoiceTitle"), invoiceView(inv)),
    section(
      t("review.historyTitle"),
      table(
        t("review.historyCaption", { id: inv.invoice_id }),
        [t("review.when"), t("review.who"), t("review.change"), t("review.why")],
        events.map((e) => [
          formatDateTime(e.at, L, ctx.me.time_zone),
          e.actor,
          `${e.from ? tMaybe(`status.${e.from}`, e.from) : "—"} → ${tMaybe(`status.${e.to}`, e.to)}`,
          e.reason,
        ]),
      ),
    ),
  );
}

/** The review desk: held invoices, largest first, and one case with its reasons, actions and history. */
export const reviewPage: Page = {
  audience: "staff",
  render(ctx) {
    const id = ctx.params[0];
    return id ? reviewCase(ctx, id) : queue(ctx);
  },
};
