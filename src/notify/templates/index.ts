// Public surface of the notice templates: files per locale, rendered strictly.
export type { RenderedNotice, RenderOutcome, TemplateOptions, TemplateProblem } from "./catalog.ts";
export { DEFAULT_TEMPLATES_DIR, NoticeTemplates, PARTS } from "./catalog.ts";
export type { Labels, Locale } from "./labels.ts";
export { LOCALES, loadLabels } from "./labels.ts";
export type { Envelope, ExternalKind, NoticePayload } from "./payload.ts";
export { EXTERNAL_KINDS, parsePayload } from "./payload.ts";
export type { TemplateId } from "./views.ts";
export { buildView, TEMPLATE_IDS, templateOf } from "./views.ts";
