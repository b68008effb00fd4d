import type { Capabilities, Problem } from "./api.ts";
import { h } from "./dom.ts";
import { t } from "./i18n.ts";
import type { Me } from "./types.ts";

/** What a page gets: who is signed in, what the server offers, and where it was asked to go. */
export interface PageContext {
  readonly me: Me;
  readonly caps: Capabilities;
  /** Path segments after the page's own name (`#/review/INV-1` → ["INV-1"]). */
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  go(hash: string): void;
  /** Renders the current page again (after an action). */
  refresh(): void;
}

export interface Page {
  /** Staff pages are hidden from customers, and the other way round. */
  readonly audience: "staff" | "customer";
  render(ctx: PageContext): Promise<HTMLElement>;
}

/** The page's heading, focusable so that a route change moves the focus (and the reader) to it. */
export function heading(text: string): HTMLHeadingElement {
  return h("h1", { tabindex: "-1" }, text);
}

/** A refusal or failure from the API, shown as an alert with its stable code. */
export function problemBox(problem: Problem): HTMLElement {
  return h(
    "div",
    { class: "problem", role: "alert" },
    h("p", {}, h("strong", {}, t("error.title")), " ", problem.title, " ", h("code", {}, problem.code)),
    problem.details.length > 0
      ? h(
          "ul",
          {},
          problem.details.map((d) => h("li", {}, d)),
        )
      : null,
  );
}

export function section(title: string, ...children: (Node | null | false)[]): HTMLElement {
  const id = `s-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return h("section", { "aria-labelledby": id }, h("h2", { id }, title), ...children.filter((c): c is Node => c !== null && c !== false));
}
