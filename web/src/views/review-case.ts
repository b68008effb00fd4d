import { enc, getJson, sendJson } from "../api.ts";
import { h, table } from "../dom.ts";
import { locale, t, tMaybe } from "../i18n.ts";
import { formatMoney } from "../money.ts";
import { type PageContext, section } from "../page.ts";
import type { CatalogView, ReviewCase } from "../types.ts";
import { formatDateTime } from "../units.ts";
import { actionForm, field } from "./action-form.ts";

const OUTCOMES = ["reached", "message_left", "agreed", "disputed"];
const CREDIT_CODES = ["goodwill", "billing_error", "dispute", "other"];

function textarea(name: string, required = false): HTMLTextAreaElement {
  return h("textarea", { name, rows: 2, required });
}

function select(name: string, values: readonly string[], label: (v: string) => string): HTMLSelectElement {
  return h(
    "select",
    { name },
    values.map((v) => h("option", { value: v }, label(v))),
  );
}

/** The actions a reviewer may take on this invoice now, each a form tied to its endpoint. */
function actions(ctx: PageContext, c: ReviewCase, plans: readonly { id: string; name: string }[]): HTMLElement[] {
  const id = c.invoice.invoice_id;
  const status = c.invoice.status;
  const base = `/api/v1/invoices/${enc(id)}`;
  const can = (verb: string) => ctx.caps.has("POST", `/api/v1/invoices/{invoiceId}/${verb}`) && ctx.me.role !== "analyst";
  const forms: HTMLElement[] = [];
  const after = () => ctx.refresh();
  if (can("release") && (status === "held" || status === "approved")) {
    const reason = textarea("reason", true);
    forms.push(
      actionForm({
        name: "release",
        title: t("act.releaseTitle"),
        fields: [field(t("act.reason"), reason, t("act.releaseHelp"))],
        submit: t("act.release"),
        send: () => sendJson("POST", `${base}/release`, { reason: reason.value }),
        done: t("act.released", { id }),
        after,
      }),
    );
  }
  if (can("contacts") && status !== "void") {
    const outcome = select("outcome", OUTCOMES, (v) => tMaybe(`outcome.${v}`, v));
    const note = textarea("note");
    forms.push(
      actionForm({
        name: "contact",
        title: t("act.contactTitle"),
        fields: [field(t("act.outcome"), outcome), field(t("act.note"), note)],
        submit: t("act.contact"),
        send: () => sendJson("POST", `${base}/contacts`, { outcome: outcome.value, ...(note.value ? { note: note.value } : {}) }),
        done: t("act.contacted"),
        after,
      }),
    );
  }
  if (can("credit-notes") && status !== "void" && status !== "draft") {
    const amount = h("input", { name: "amount", inputmode: "decimal", required: true, autocomplete: "off" });
    const code = select("code", CREDIT_CODES, (v) => tMaybe(`credit.${v}`, v));
    const reason = textarea("reason");
    forms.push(
      actionForm({
        name: "credit",
        title: t("act.creditTitle"),
        fields: [
          field(t("act.amount", { currency: c.invoice.currency }), amount, t("act.amountHelp")),
          field(t("act.code"), code),
          field(t("act.reason"), reason),
        ],
        submit: t("act.credit"),
        send: () =>
          sendJson("POST", `${base}/credit-notes`, {
            amount: amount.value.trim().replace(",", "."),
            code: code.value,
            ...(reason.value ? { reason: reason.value } : {}),
          }),
        done: t("act.credited"),
        after,
      }),
    );
  }
  if (can("rerate") && status === "held" && plans.length > 0) {
    const plan = select(
      "plan_id",
      plans.map((p) => p.id),
      (v) => plans.find((p) => p.id === v)?.name ?? v,
    );
    const reason = textarea("reason");
    forms.push(
      actionForm({
        name: "rerate",
        title: t("act.rerateTitle"),
        fields: [field(t("act.plan"), plan, t("act.rerateHelp")), field(t("act.reason"), reason)],
        submit: t("act.rerate"),
        send: () => sendJson("POST", `${base}/rerate`, { plan_id: plan.value, ...(reason.value ? { reason: reason.value } : {}) }),
        done: t("act.rerated"),
        after,
      }),
    );
  }
  if (can("payment-plan") && status !== "void" && status !== "draft") {
    const count = h("input", { name: "instalments", type: "number", min: 2, max: 60, value: 6, required: true });
    forms.push(
      actionForm({
        name: "payment-plan",
        title: t("act.planTitle"),
        fields: [field(t("act.instalments"), count, t("act.planHelp"))],
        submit: t("act.planSubmit"),
        send: () => sendJson("POST", `${base}/payment-plan`, { instalments: Number(count.value) }),
        done: t("act.planned"),
        after,
      }),
    );
  }
  if (can("void") && (status === "held" || status === "approved" || status === "draft")) {
    const reason = textarea("reason", true);
    forms.push(
      actionForm({
        name: "void",
        title: t("act.voidTitle"),
        fields: [field(t("act.reason"), reason, t("act.voidHelp"))],
        submit: t("act.void"),
        danger: true,
        send: () => sendJson("POST", `${base}/void`, { reason: reason.value }),
        done: t("act.voided", { id }),
        after,
      }),
    );
  }
  return forms;
}

/** Balance, actions, contact log, credit notes and payment plan of one invoice on the review desk. */
export async function reviewCaseSections(ctx: PageContext, c: ReviewCase): Promise<HTMLElement[]> {
  const L = locale();
  const cur = c.invoice.currency;
  const catalog = ctx.caps.has("GET", "/api/v1/catalog") ? await getJson<CatalogView>("/api/v1/catalog") : undefined;
  const plans = catalog?.ok ? catalog.value.plans : [];
  const forms = actions(ctx, c, plans);
  const out: (HTMLElement | null)[] = [
    section(
      t("review.balanceTitle"),
      h(
        "dl",
        { class: "totals" },
        h("dt", {}, t("review.balanceExcl")),
        h("dd", { "data-balance": "excl" }, formatMoney(c.balance.excl_tax, L, cur)),
        h("dt", {}, t("review.credited")),
        h("dd", {}, formatMoney(c.balance.credited_excl_tax, L, cur)),
        h("dt", {}, t("review.balanceIncl")),
        h("dd", {}, formatMoney(c.balance.incl_tax, L, cur)),
      ),
    ),
    section(t("review.actionsTitle"), forms.length > 0 ? h("div", { class: "actions" }, forms) : h("p", {}, t("review.noActions"))),
    section(
      t("review.contactsTitle"),
      c.contacts.length === 0
        ? h("p", {}, t("review.noContacts"))
        : table(
            t("review.contactsCaption", { id: c.invoice.invoice_id }),
            [t("review.when"), t("review.who"), t("act.outcome"), t("act.note")],
            c.contacts.map((x) => [formatDateTime(x.at, L, ctx.me.time_zone), x.actor, tMaybe(`outcome.${x.outcome}`, x.outcome), x.note]),
          ),
    ),
    c.credit_notes.length > 0
      ? section(
          t("review.creditNotesTitle"),
          table(
            t("review.creditNotesTitle"),
            [t("review.creditNote"), t("review.when"), t("review.who"), t("act.code"), t("invoice.exclTax")],
            c.credit_notes.map((n) => [
              n.credit_note_id,
              formatDateTime(n.at, L, ctx.me.time_zone),
              n.actor,
              tMaybe(`credit.${n.reason_code}`, n.reason_code),
              formatMoney(n.total_excl_tax, L, cur),
            ]),
            [4],
          ),
        )
      : null,
    c.payment_plan
      ? section(
          t("review.planTitle"),
          table(
            t("review.planCaption", { total: formatMoney(c.payment_plan.total, L, cur) }),
            ["#", t("review.due"), t("review.instalment")],
            c.payment_plan.instalments.map((i) => [String(i.seq), i.due_date, formatMoney(i.amount, L, cur)]),
            [2],
          ),
        )
      : null,
  ];
  return out.filter((e): e is HTMLElement => e !== null);
}
