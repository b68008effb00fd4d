/**
 * The outbox payloads, validated once when a notice is rendered. Usage notices are written by
 * the engine (engine/notice-payload.ts); the others by `enqueue` for the invoicing, anomaly and
 * migration features. Money is always a decimal string here.
 */
import { z } from "zod";

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);
const service = z.enum(["data", "voice", "sms"]);
const zone = z.enum(["home", "national", "eu", "world", "non_terrestrial"]);

const envelope = {
  line_id: z.string().min(1),
  account_id: z.string().min(1),
  msisdn: z.string().min(1),
  email: z.string().nullable(),
  locale: z.enum(["fr", "en"]),
  plan_id: z.string().min(1),
  period: z.string().regex(/^\d{4}-\d{2}$/),
};

const price = z.object({ service, price: decimal, per: z.string().min(1) });

export const welcomeData = z.object({
  country: z.string().length(2),
  country_name: z.string().min(1),
  zone,
  prices: z.array(price),
  roaming_cap: decimal.nullable(),
});

export const capData = z.object({
  cap_id: z.string().min(1),
  cap_name: z.string().min(1),
  action: z.enum(["block", "throttle", "notify", "hold"]),
  threshold: z.number().int().positive(),
  measure: z.enum(["spend", "volume"]),
  used: z.union([decimal, z.number().int().nonnegative()]),
  limit: z.union([decimal, z.number().int().nonnegative()]),
  extra_unit_price: decimal.nullable(),
  unit: z.string().nullable(),
  throttle_status: z.string().nullable(),
  // Rows written before these fields existed lack them.
  throttle_rate_kbps: z.number().int().positive().nullable().default(null),
  after_consent: z.boolean().default(false),
});

export const allowanceData = z.object({
  allowance_id: z.string().min(1),
  service,
  threshold: z.number().int().positive(),
  used: z.number().int().nonnegative(),
  amount: z.number().int().positive(),
});

export const consentData = z.object({
  cap_id: z.string().min(1),
  cap_name: z.string().min(1),
  limit: z.union([decimal, z.number().int().nonnegative()]),
  next_warning: z.union([decimal, z.number().int().nonnegative()]).nullable(),
  prices: z.array(price.extend({ zone })),
  consented_at: z.string().min(1),
  channel: z.string().min(1),
});

export const invoiceHeldData = z.object({ invoice_id: z.string().min(1), total_excl_tax: decimal });
export const abnormalUsageData = z.object({ reason: z.string().min(1) });
export const planMigrationData = z.object({
  from_plan_name: z.string().min(1),
  to_plan_name: z.string().min(1),
  effective_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  monthly_fee: decimal,
});

/** Kinds other features enqueue, with what they must give. */
export const EXTERNAL_KINDS = {
  invoice_held: invoiceHeldData,
  abnormal_usage: abnormalUsageData,
  plan_migration: planMigrationData,
} as const;
export type ExternalKind = keyof typeof EXTERNAL_KINDS;

export const payloadSchema = z.discriminatedUnion("kind", [
  z.object({ ...envelope, kind: z.literal("roaming_welcome"), ...welcomeData.shape }),
  z.object({ ...envelope, kind: z.enum(["cap_warning", "cap_reached"]), ...capData.shape }),
  z.object({ ...envelope, kind: z.enum(["allowance_warning", "allowance_used"]), ...allowanceData.shape }),
  z.object({ ...envelope, kind: z.literal("consent_confirmed"), ...consentData.shape }),
  z.object({ ...envelope, kind: z.literal("invoice_held"), ...invoiceHeldData.shape }),
  z.object({ ...envelope, kind: z.literal("abnormal_usage"), ...abnormalUsageData.shape }),
  z.object({ ...envelope, kind: z.literal("plan_migration"), ...planMigrationData.shape }),
]);
export type NoticePayload = z.infer<typeof payloadSchema>;
export type Envelope = Pick<NoticePayload, keyof typeof envelope>;

export function parsePayload(json: string): { ok: true; payload: NoticePayload } | { ok: false; code: "payload_invalid"; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return { ok: false, code: "payload_invalid", message: `the payload is not JSON: ${(e as Error).message}` };
  }
  const parsed = payloadSchema.safeParse(raw);
  if (parsed.success) return { ok: true, payload: parsed.data };
  return { ok: false, code: "payload_invalid", message: parsed.error.issues.map((i) => `${i.path.join(".") || "(payload)"}: ${i.message}`).join("; ") };
}
