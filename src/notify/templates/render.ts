/**
 * A small, strict template language for notice files:
 *
 *   {{name}}               a text value (HTML-escaped in .html templates)
 *   {{&name}}              a text value inserted as is (the e-mail layout's body)
 *   {{#name}}…{{/name}}    a list: once per item; a boolean: once when true
 *   {{^name}}…{{/name}}    once when the value is false, null or an empty list
 *
 * Strict because a notice about money must never go out with a hole in it: a name the view
 * does not have, or an empty text, is an error with a stable code, never a blank.
 */

export type Value = string | number | boolean | null | readonly View[];
export interface View {
  readonly [name: string]: Value;
}

export type TemplateErrorCode = "template_syntax" | "template_variable_missing" | "template_variable_empty" | "template_variable_not_text";
export interface TemplateError {
  readonly code: TemplateErrorCode;
  readonly message: string;
}
export type Rendered = { ok: true; text: string } | { ok: false; error: TemplateError };

type Node =
  | { readonly type: "text"; readonly text: string }
  | { readonly type: "var"; readonly name: string; readonly raw: boolean }
  | { readonly type: "section"; readonly name: string; readonly inverted: boolean; readonly children: readonly Node[] };

const TAG = /\{\{([#^/&]?)\s*([a-z_][a-z0-9_]*)\s*\}\}/g;

class Failure extends Error {
  constructor(readonly error: TemplateError) {
    super(error.message);
  }
}

function fail(code: TemplateErrorCode, message: string): never {
  throw new Failure({ code, message });
}

export function parseTemplate(source: string, name: string): { ok: true; nodes: readonly Node[] } | { ok: false; error: TemplateError } {
  try {
    const stack: { name: string; inverted: boolean; children: Node[] }[] = [{ name: "", inverted: false, children: [] }];
    let at = 0;
    for (const m of source.matchAll(TAG)) {
      const top = stack[stack.length - 1] as (typeof stack)[number];
      if (m.index > at) top.children.push({ type: "text", text: source.slice(at, m.index) });
      at = m.index + m[0].length;
      const sigil = m[1] ?? "";
      const id = m[2] ?? "";
      if (sigil === "#" || sigil === "^") stack.push({ name: id, inverted: sigil === "^", children: [] });
      else if (sigil === "/") {
        const open = stack.pop();
        if (!open || stack.length === 0 || open.name !== id) fail("template_syntax", `${name}: {{/${id}}} closes nothing open`);
        (stack[stack.length - 1] as (typeof stack)[number]).children.push({ type: "section", name: id, inverted: open.inverted, children: open.children });
      } else top.children.push({ type: "var", name: id, raw: sigil === "&" });
    }
    if (stack.length !== 1) fail("template_syntax", `${name}: {{#${stack[stack.length - 1]?.name}}} is never closed`);
    if (/\{\{|\}\}/.test(source.slice(at))) fail("template_syntax", `${name}: a malformed tag`);
    const root = stack[0] as (typeof stack)[number];
    if (at < source.length) root.children.push({ type: "text", text: source.slice(at) });
    return { ok: true, nodes: root.children };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: e.error };
    throw e;
  }
}

export function renderNodes(nodes: readonly Node[], view: View, name: string, esc: (s: string) => string): Rendered {
  try {
    return { ok: true, text: walk(nodes, [view], name, esc) };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: e.error };
    throw e;
  }
}

function lookup(scopes: readonly View[], id: string, template: string): Value {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i] as View;
    if (Object.hasOwn(scope, id)) return scope[id] as Value;
  }
  return fail("template_variable_missing", `${template}: the notice has no "${id}"`);
}

function walk(nodes: readonly Node[], scopes: readonly View[], template: string, esc: (s: string) => string): string {
  let out = "";
  for (const node of nodes) {
    if (node.type === "text") out += node.text;
    else if (node.type === "var") {
      const value = lookup(scopes, node.name, template);
      if (typeof value !== "string" && typeof value !== "number") fail("template_variable_not_text", `${template}: "${node.name}" is not a text`);
      const text = String(value);
      if (text.trim() === "") fail("template_variable_empty", `${template}: "${node.name}" is empty`);
      out += node.raw ? text : esc(text);
    } else {
      const value = lookup(scopes, node.name, template);
      const items = Array.isArray(value) ? (value as readonly View[]) : value === true ? [{}] : [];
      if (typeof value === "string" || typeof value === "number") fail("template_variable_not_text", `${template}: "${node.name}" is not a list or a flag`);
      if (node.inverted) {
        if (items.length === 0) out += walk(node.children, scopes, template, esc);
      } else for (const item of items) out += walk(node.children, [...scopes, item], template, esc);
    }
  }
  return out;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

export const noEscape = (s: string): string => s;
