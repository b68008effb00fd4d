import type { Result } from "../api.ts";
import { announce, type Child, h, uid } from "../dom.ts";
import { problemBox } from "../page.ts";

export interface ActionForm {
  readonly name: string;
  readonly title: string;
  readonly fields: readonly HTMLElement[];
  readonly submit: string;
  readonly danger?: boolean;
  /** Reads the fields and calls the API; the answer decides what the user hears. */
  readonly send: () => Promise<Result<unknown>>;
  readonly done: string;
  readonly after: () => void;
}

/** One labelled field: the label's `for` is the control's id, and help text is tied by aria-describedby. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, help?: string): HTMLElement {
  const id = control.id || uid("f");
  control.id = id;
  const helpId = help ? `${id}-help` : undefined;
  if (helpId) control.setAttribute("aria-describedby", helpId);
  return h("div", { class: "field" }, h("label", { for: id }, label), control, help ? h("p", { id: helpId, class: "help" }, help) : null);
}

/** A small form for one action: errors come back as an alert next to it, success is announced. */
export function actionForm(a: ActionForm): HTMLElement {
  const feedback = h("div", { class: "feedback" });
  const button = h("button", { type: "submit", class: a.danger ? "danger" : undefined }, a.submit);
  const children: Child[] = [h("h3", {}, a.title), ...a.fields, button, feedback];
  return h(
    "form",
    {
      class: "card",
      "data-action": a.name,
      onsubmit: async (e: Event) => {
        e.preventDefault();
        button.disabled = true;
        const res = await a.send();
        button.disabled = false;
        if (!res.ok) {
          feedback.replaceChildren(problemBox(res.problem));
          return;
        }
        announce(a.done);
        a.after();
      },
    },
    ...children,
  );
}
