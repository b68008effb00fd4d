import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * The words a template needs that are data, not prose: service, zone, unit and cap names, and
 * the reply keyword. One `labels.json` per locale, beside its templates, so that a catalog's
 * new cap gets its name in every language without touching code.
 */
const schema = z.strictObject({
  reply_keyword: z.string().min(1),
  per: z.string().min(1),
  services: z.strictObject({ data: z.string().min(1), voice: z.string().min(1), sms: z.string().min(1) }),
  zones: z.strictObject({
    home: z.string().min(1),
    national: z.string().min(1),
    eu: z.string().min(1),
    world: z.string().min(1),
    non_terrestrial: z.string().min(1),
  }),
  units: z.record(z.string(), z.string().min(1)),
  caps: z.record(z.string(), z.string().min(1)),
  channels: z.record(z.string(), z.string().min(1)),
  kbps: z.string().min(1),
});

export type Labels = z.infer<typeof schema>;

export type LabelsLoad = { ok: true; labels: Labels } | { ok: false; code: "template_labels_invalid"; message: string };

export function loadLabels(dir: string, locale: Locale): LabelsLoad {
  const file = join(dir, locale, "labels.json");
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    return { ok: false, code: "template_labels_invalid", message: `${file}: ${(e as Error).message}` };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      code: "template_labels_invalid",
      message: `${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    };
  return { ok: true, labels: parsed.data };
}
