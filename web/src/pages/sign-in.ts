import { h } from "../dom.ts";
import { t } from "../i18n.ts";
import { heading } from "../page.ts";
import { signIn } from "../session.ts";

/** Sign-in with an API token (`gardefou tokens create`, or the ones `serve --demo` prints). */
export function signInPage(onSignedIn: () => void): HTMLElement {
  const input = h("input", {
    id: "token",
    name: "token",
    type: "password",
    autocomplete: "off",
    spellcheck: "false",
    required: true,
    "aria-describedby": "token-help",
  });
  const form = h(
    "form",
    {
      class: "card narrow",
      onsubmit: (e: Event) => {
        e.preventDefault();
        signIn(input.value);
        onSignedIn();
      },
    },
    h("label", { for: "token" }, t("signIn.token")),
    input,
    h("p", { id: "token-help", class: "help" }, t("signIn.help")),
    h("button", { type: "submit" }, t("signIn.submit")),
  );
  return h("div", {}, heading(t("signIn.title")), h("p", {}, t("signIn.intro")), form);
}
