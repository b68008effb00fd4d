/**
 * The notice templates of every locale, read and parsed once at start-up from
 * `templates/notices/<locale>/<template>.<part>`: a missing or broken file stops the start,
 * instead of a notice failing at three in the morning.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Labels, LOCALES, type Locale, loadLabels } from "./labels.ts";
import { type NoticePayload, parsePayload } from "./payload.ts";
import { escapeHtml, noEscape, parseTemplate, renderNodes, type TemplateError, type View } from "./render.ts";
import { buildView, TEMPLATE_IDS, type TemplateId } from "./views.ts";

/** The bundled templates, from src/notify/templates or dist/notify/templates alike. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL("../../../templates/notices/", import.meta.url));

export const PARTS = ["sms.txt", "subject.txt", "email.html"] as const;
type Part = (typeof PARTS)[number];
type Parsed = Extract<ReturnType<typeof parseTemplate>, { ok: true }>["nodes"];

export interface RenderedNotice {
  readonly template: TemplateId;
  readonly locale: Locale;
  /** The SMS text; also the e-mail's plain-text alternative. */
  readonly sms: string;
  readonly subject: string;
  readonly html: string;
}

export type RenderOutcome = { ok: true; notice: RenderedNotice } | { ok: false; code: string; message: string };
export interface TemplateProblem {
  readonly code: "template_missing" | "template_labels_invalid" | TemplateError["code"];
  readonly message: string;
}

export interface TemplateOptions {
  readonly dir?: string;
  readonly currency: string;
  readonly selfCareUrl: string;
}

export class NoticeTemplates {
  private constructor(
    private readonly parts: ReadonlyMap<string, Parsed>,
    private readonly labels: ReadonlyMap<Locale, Labels>,
    private readonly options: TemplateOptions,
  ) {}

  static load(options: TemplateOptions): { ok: true; templates: NoticeTemplates } | { ok: false; problems: TemplateProblem[] } {
    const dir = options.dir ?? DEFAULT_TEMPLATES_DIR;
    const problems: TemplateProblem[] = [];
    const parts = new Map<string, Parsed>();
    const labels = new Map<Locale, Labels>();
    for (const locale of LOCALES) {
      const loaded = loadLabels(dir, locale);
      if (loaded.ok) labels.set(locale, loaded.labels);
      else problems.push({ code: loaded.code, message: loaded.message });
      const files: string[] = ["_layout.email.html", ...TEMPLATE_IDS.flatMap((id) => PARTS.map((part) => `${id}.${part}`))];
      for (const file of files) {
        const path = join(dir, locale, file);
        let source: string;
        try {
          source = readFileSync(path, "utf8");
        } catch {
          problems.push({ code: "template_missing", message: `no template ${path}` });
          continue;
        }
        const parsed = parseTemplate(source, `${locale}/${file}`);
        if (parsed.ok) parts.set(`${locale}/${file}`, parsed.nodes);
        else problems.push(parsed.error);
      }
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, templates: new NoticeTemplates(parts, labels, options) };
  }

  /** The notice's texts in its line's locale, or a coded reason it cannot be told. */
  render(payloadJson: string): RenderOutcome {
    const parsed = parsePayload(payloadJson);
    return parsed.ok ? this.renderPayload(parsed.payload) : parsed;
  }

  renderPayload(payload: NoticePayload): RenderOutcome {
    const locale = payload.locale;
    const built = buildView(payload, { labels: this.labels.get(locale) as Labels, currency: this.options.currency, selfCareUrl: this.options.selfCareUrl });
    if (!built.ok) return built;
    return this.renderView(built.template, locale, built.view);
  }

  /** Renders a template with a given view (tests check every template this way). */
  renderView(template: TemplateId, locale: Locale, view: View): RenderOutcome {
    const sms = this.part(locale, `${template}.sms.txt`, view, noEscape);
    if (!sms.ok) return sms;
    const subject = this.part(locale, `${template}.subject.txt`, view, noEscape);
    if (!subject.ok) return subject;
    const body = this.part(locale, `${template}.email.html`, view, escapeHtml);
    if (!body.ok) return body;
    const html = this.part(locale, "_layout.email.html", { ...view, subject: subject.text, body: body.text }, escapeHtml);
    if (!html.ok) return html;
    if (/[\r\n]/.test(subject.text)) return { ok: false, code: "template_syntax", message: `${locale}/${template}.subject.txt: a subject is one line` };
    return { ok: true, notice: { template, locale, sms: sms.text, subject: subject.text, html: html.text } };
  }

  private part(locale: Locale, file: `${string}.${Part}` | "_layout.email.html", view: View, esc: (s: string) => string) {
    const nodes = this.parts.get(`${locale}/${file}`) as Parsed;
    const out = renderNodes(nodes, view, `${locale}/${file}`, esc);
    if (!out.ok) return { ok: false as const, code: out.error.code, message: out.error.message };
    // Files end with a newline and SMS parts are counted: no stray whitespace goes out.
    return { ok: true as const, text: file.endsWith(".html") ? out.text : out.text.trim() };
  }
}
