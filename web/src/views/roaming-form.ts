import { enc, sendJson } from "../api.ts";
import { announce, h } from "../dom.ts";
import { locale, t } from "../i18n.ts";
import { formatMoney } from "../money.ts";
import { problemBox } from "../page.ts";
import type { RoamingLimit } from "../types.ts";

/** What the regulation says, in the customer's words: why there is a limit and what they may choose. */
export function roamingExplanation(limit: RoamingLimit): HTMLElement {
  const L = locale();
  const amount = formatMoney(limit.catalog_limit, L, limit.currency);
  return h(
    "div",
    { class: "explain" },
    h("p", {}, t("selfCare.euLimit1", { amount })),
    h("p", {}, t("selfCare.euLimit2", { percent: limit.warn_at_percent.filter((p) => p < 100).join(" %, ") || "80" })),
    h("p", {}, t("selfCare.euLimit3")),
  );
}

function currentText(limit: RoamingLimit): string {
  const L = locale();
  if (limit.opt_out) return t("selfCare.currentOptOut");
  if (limit.limit !== null) return t("selfCare.currentOwn", { amount: formatMoney(limit.limit, L, limit.currency) });
  return t("selfCare.currentDefault", { amount: formatMoney(limit.catalog_limit, L, limit.currency) });
}

/**
 * The limit form: the default, one's own limit, or an explicit opt-out. A radio group in a
 * fieldset; the amount field is tied to its choice and checked before anything is sent.
 */
export function roamingForm(limit: RoamingLimit, onSaved: () => void): HTMLElement {
  const L = locale();
  const radio = (value: string, checked: boolean) => h("input", { type: "radio", name: "choice", id: `choice-${value}`, value, checked });
  const def = radio("default", !limit.opt_out && limit.limit === null);
  const own = radio("own", !limit.opt_out && limit.limit !== null);
  const out = radio("opt_out", limit.opt_out);
  const amount = h("input", {
    id: "own-amount",
    name: "amount",
    inputmode: "decimal",
    autocomplete: "off",
    value: limit.limit ?? "",
    "aria-describedby": "own-amount-help",
  });
  const feedback = h("div", { class: "feedback" });
  const form = h(
    "form",
    {
      class: "card",
      "data-form": "roaming-limit",
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const text = amount.value.trim().replace(",", ".");
        if (own.checked && !/^\d{1,7}(\.\d{1,2})?$/.test(text)) {
          feedback.replaceChildren(h("p", { class: "problem", role: "alert" }, t("selfCare.badAmount")));
          amount.setAttribute("aria-invalid", "true");
          amount.focus();
          return;
        }
        amount.removeAttribute("aria-invalid");
        const body = { limit: own.checked ? text : null, opt_out: out.checked };
        const res = await sendJson<RoamingLimit>("PUT", `/api/v1/lines/${enc(limit.line_id)}/roaming-limit`, body);
        if (!res.ok) {
          feedback.replaceChildren(problemBox(res.problem));
          return;
        }
        announce(t("selfCare.saved", { what: currentText(res.value) }));
        onSaved();
      },
    },
    h(
      "fieldset",
      {},
      h("legend", {}, t("selfCare.chooseLegend")),
      h("p", { class: "current", "data-current-limit": limit.effective_limit ?? "none" }, currentText(limit)),
      h(
        "div",
        { class: "choice" },
        def,
        h("label", { for: "choice-default" }, t("selfCare.choiceDefault", { amount: formatMoney(limit.catalog_limit, L, limit.currency) })),
      ),
      h("div", { class: "choice" }, own, h("label", { for: "choice-own" }, t("selfCare.choiceOwn"))),
      h(
        "div",
        { class: "field indent" },
        h("label", { for: "own-amount" }, t("selfCare.ownAmount", { currency: limit.currency })),
        amount,
        h("p", { id: "own-amount-help", class: "help" }, t("selfCare.ownHelp")),
      ),
      h("div", { class: "choice" }, out, h("label", { for: "choice-opt_out" }, t("selfCare.choiceOptOut"))),
      h("p", { class: "help warning" }, t("selfCare.optOutWarning")),
    ),
    h("p", { class: "help" }, t("selfCare.free")),
    h("button", { type: "submit" }, t("selfCare.save")),
    feedback,
  );
  amount.addEventListener("input", () => {
    own.checked = true;
  });
  return form;
}
