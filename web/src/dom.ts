/** A tiny DOM builder: text always goes through text nodes, so API data is never parsed as HTML. */
export type Child = Node | string | number | null | undefined | false;
type AttrValue = string | number | boolean | undefined | ((event: Event) => void);
export type Attrs = Readonly<Record<string, AttrValue>>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | readonly Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

export function setAttrs(el: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.slice(2).toLowerCase(), value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
}

export function append(el: Element, children: readonly (Child | readonly Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

export function replace(el: Element, ...children: (Child | readonly Child[])[]): void {
  el.replaceChildren();
  append(el, children);
}

/** Says something to screen readers (the page's polite live region). */
export function announce(text: string): void {
  const status = document.getElementById("status");
  if (!status) return;
  status.textContent = "";
  // A new text node after a tick is what makes assistive technology read it again.
  window.setTimeout(() => {
    status.textContent = text;
  }, 50);
}

let counter = 0;
/** A unique id for label/aria wiring. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A table with a caption and column headers; cells are already built. */
export function table(caption: string, headers: readonly string[], rows: readonly (readonly Child[])[], numeric: readonly number[] = []): HTMLTableElement {
  return h(
    "table",
    {},
    h("caption", {}, caption),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        headers.map((t, i) => h("th", { scope: "col", class: numeric.includes(i) ? "num" : undefined }, t)),
      ),
    ),
    h(
      "tbody",
      {},
      rows.map((r) =>
        h(
          "tr",
          {},
          r.map((c, i) => (i === 0 ? h("th", { scope: "row" }, c) : h("td", { class: numeric.includes(i) ? "num" : undefined }, c))),
        ),
      ),
    ),
  );
}
