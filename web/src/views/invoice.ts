import { h, table } from "../dom.ts";
import { locale, t, tMaybe } from "../i18n.ts";
import { formatMoney } from "../money.ts";
import type { InvoiceDoc } from "../types.ts";

export function statusBadge(status: string): HTMLElement {
  return h("span", { class: `badge status-${status}` }, tMaybe(`status.${status}`, status));
}

/** An invoice as a reviewer or a customer reads it: totals, why it is held, its lines, what was not billed. */
export function invoiceView(inv: InvoiceDoc, headingLevel: "h2" | "h3" = "h3"): HTMLElement {
  const L = locale();
  const money = (v: string) => formatMoney(v, L, inv.currency);
  return h(
    "div",
    { class: "invoice", "data-invoice": inv.invoice_id },
    h(headingLevel, {}, t("invoice.heading", { id: inv.invoice_id, period: inv.period }), " ", statusBadge(inv.status)),
    h(
      "dl",
      { class: "totals" },
      h("dt", {}, t("invoice.exclTax")),
      h("dd", { "data-total": "excl" }, money(inv.total_excl_tax)),
      h("dt", {}, t("invoice.tax", { rate: inv.vat_rate })),
      h("dd", {}, money(inv.tax)),
      h("dt", {}, t("invoice.inclTax")),
      h("dd", {}, money(inv.total_incl_tax)),
    ),
    inv.hold_reasons.length > 0
      ? h(
          "div",
          { class: "hold-reasons" },
          h("p", {}, h("strong", {}, t("invoice.heldBecause"))),
          h(
            "ul",
            {},
            inv.hold_reasons.map((r) => h("li", { "data-reason": r.code }, h("code", {}, r.code), " — ", r.message)),
          ),
        )
      : null,
    table(
      t("invoice.linesCaption", { id: inv.invoice_id }),
      [t("invoice.line"), t("invoice.description"), t("invoice.quantity"), t("invoice.amount")],
      inv.lines.map((l) => [l.line_id, l.description, `${l.quantity} ${l.unit}`, money(l.amount_excl_tax)]),
      [3],
    ),
    inv.not_billed.length > 0
      ? table(
          t("invoice.notBilledCaption"),
          [t("invoice.line"), t("invoice.zone"), t("invoice.quantity"), t("invoice.caps")],
          inv.not_billed.map((n) => [n.line_id, `${tMaybe(`zone.${n.zone}`, n.zone)} (${n.country})`, `${n.quantity} ${n.unit}`, n.caps.join(", ")]),
          [2],
        )
      : null,
  );
}
