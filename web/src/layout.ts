import type { Capabilities } from "./api.ts";
import { h, replace } from "./dom.ts";
import { type Locale, locale, type MessageKey, setLocale, t } from "./i18n.ts";
import { link } from "./router.ts";
import type { Me } from "./types.ts";

interface NavItem {
  readonly route: string;
  readonly label: MessageKey;
  readonly show: (me: Me, caps: Capabilities) => boolean;
}

const staff = (me: Me) => me.role !== "customer";

/** The navigation: staff pages for staff, self-care for customers; features the server lacks are left out. */
export const NAV: readonly NavItem[] = [
  { route: "", label: "nav.overview", show: staff },
  { route: "review", label: "nav.review", show: staff },
  { route: "lines", label: "nav.lines", show: staff },
  { route: "findings", label: "nav.findings", show: (me, caps) => staff(me) && caps.has("GET", "/api/v1/anomalies") },
  { route: "simulator", label: "nav.simulator", show: (me, caps) => staff(me) && caps.has("POST", "/api/v1/simulations") },
  { route: "notices", label: "nav.notices", show: staff },
  { route: "self-care", label: "nav.selfCare", show: (me) => me.role === "customer" },
];

export function renderBanner(banner: HTMLElement, me: Me | undefined, caps: Capabilities | undefined, active: string, onChange: () => void): void {
  const langId = "lang-select";
  const select = h(
    "select",
    {
      id: langId,
      onchange: (e: Event) => {
        setLocale((e.target as HTMLSelectElement).value as Locale);
        onChange();
      },
    },
    h("option", { value: "fr", selected: locale() === "fr" }, "Français"),
    h("option", { value: "en", selected: locale() === "en" }, "English"),
  );
  const nav =
    me && caps
      ? h(
          "nav",
          { "aria-label": t("nav.label") },
          h(
            "ul",
            {},
            NAV.filter((n) => n.show(me, caps)).map((n) =>
              h("li", {}, h("a", { href: link(n.route), "aria-current": n.route === active ? "page" : undefined }, t(n.label))),
            ),
          ),
        )
      : null;
  const who = me
    ? h(
        "div",
        { class: "who" },
        h("span", {}, t("banner.signedInAs", { name: me.name, role: t(`role.${me.role}` as MessageKey) })),
        h("button", { type: "button", class: "secondary", "data-action": "sign-out" }, t("banner.signOut")),
      )
    : null;
  replace(
    banner,
    h("div", { class: "brand" }, h("a", { href: link("") }, "Garde-fou"), h("span", { class: "tagline" }, t("banner.tagline"))),
    nav,
    h("div", { class: "tools" }, h("label", { for: langId }, t("banner.language")), select, who),
  );
}
