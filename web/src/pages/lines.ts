import { h } from "../dom.ts";
import { t } from "../i18n.ts";
import { heading, type Page } from "../page.ts";
import { link } from "../router.ts";
import { linePage } from "./line.ts";

/** `#/lines` asks for a line id; `#/lines/ID` is line 360. */
export const linesPage: Page = {
  audience: "staff",
  async render(ctx) {
    if (ctx.params.length > 0) return linePage.render(ctx);
    const input = h("input", { id: "line-id", name: "line", required: true, autocomplete: "off", placeholder: "VAL-0001" });
    return h(
      "div",
      {},
      heading(t("lines.title")),
      h(
        "form",
        {
          class: "card narrow",
          role: "search",
          onsubmit: (e: Event) => {
            e.preventDefault();
            ctx.go(link("lines", [input.value.trim()]));
          },
        },
        h("label", { for: "line-id" }, t("lines.lineId")),
        input,
        h("p", { class: "help" }, t("lines.help")),
        h("button", { type: "submit" }, t("lines.open")),
      ),
    );
  },
};
