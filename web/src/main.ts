import { Capabilities, getJson } from "./api.ts";
import { h, replace } from "./dom.ts";
import { locale, setLocale, t } from "./i18n.ts";
import { renderBanner } from "./layout.ts";
import type { Page, PageContext } from "./page.ts";
import { problemBox } from "./page.ts";
import { findingsPage } from "./pages/findings.ts";
import { linesPage } from "./pages/lines.ts";
import { noticesPage } from "./pages/notices.ts";
import { overviewPage } from "./pages/overview.ts";
import { reviewPage } from "./pages/review.ts";
import { selfCarePage } from "./pages/self-care.ts";
import { signInPage } from "./pages/sign-in.ts";
import { simulatorPage } from "./pages/simulator.ts";
import { currentRoute } from "./router.ts";
import { signOut, takeTokenFromFragment, token } from "./session.ts";
import type { Me } from "./types.ts";

const PAGES: Readonly<Record<string, Page>> = {
  "": overviewPage,
  review: reviewPage,
  lines: linesPage,
  findings: findingsPage,
  simulator: simulatorPage,
  notices: noticesPage,
  "self-care": selfCarePage,
};

let me: Me | undefined;
let caps: Capabilities | undefined;
let rendering = 0;

async function render(): Promise<void> {
  const run = ++rendering;
  const main = document.getElementById("main") as HTMLElement;
  const banner = document.getElementById("banner") as HTMLElement;
  document.documentElement.lang = locale();
  if (!token()) {
    me = undefined;
    renderBanner(banner, undefined, undefined, "", () => void render());
    replace(
      main,
      signInPage(() => void start()),
    );
    document.title = `${t("signIn.title")} — Garde-fou`;
    return;
  }
  const route = currentRoute();
  const name = me?.role === "customer" && (route.name === "" || PAGES[route.name]?.audience === "staff") ? "self-care" : route.name;
  const page = PAGES[name];
  renderBanner(banner, me, caps, name, () => void render());
  if (!me || !caps) return;
  if (!page || (page.audience === "staff") !== (me.role !== "customer")) {
    replace(main, h("h1", { tabindex: "-1" }, t("error.notFound")));
    return;
  }
  main.setAttribute("aria-busy", "true");
  const ctx: PageContext = {
    me,
    caps,
    params: route.params,
    query: route.query,
    go: (hash) => {
      window.location.hash = hash;
    },
    refresh: () => void render(),
  };
  const content = await page.render(ctx).catch((error: unknown) => problemBox({ status: 0, code: "web_error", title: String(error), details: [] }));
  if (run !== rendering) return; // a newer navigation won
  replace(main, content);
  main.removeAttribute("aria-busy");
  const h1 = main.querySelector("h1");
  document.title = `${h1?.textContent ?? ""} — Garde-fou`;
  h1?.focus();
}

async function start(): Promise<void> {
  if (!token()) return render();
  const whoami = await getJson<Me>("/api/v1/me");
  if (!whoami.ok) {
    signOut();
    me = undefined;
    await render();
    if (whoami.problem.code !== "unauthorized") document.getElementById("main")?.prepend(problemBox(whoami.problem));
    else document.getElementById("main")?.prepend(h("p", { class: "problem", role: "alert" }, t("signIn.refused")));
    return;
  }
  me = whoami.value;
  caps = await Capabilities.load();
  await render();
}

document.addEventListener("click", (e) => {
  const target = e.target as HTMLElement | null;
  // The skip link must not change the hash: the hash is the route.
  if (target?.closest("a.skip")) {
    e.preventDefault();
    document.getElementById("main")?.focus();
    return;
  }
  if (target?.closest("[data-action=sign-out]")) {
    signOut();
    me = undefined;
    window.location.hash = "#/";
    void render();
  }
});
window.addEventListener("hashchange", () => {
  // A sign-in link opened in a tab that is already signed in: switch to its token.
  if (takeTokenFromFragment()) void start();
  else void render();
});
setLocale(locale());
takeTokenFromFragment();
void start();
