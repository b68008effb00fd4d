import { z } from "zod";
import { SERVICES, ZONES } from "./types.ts";

/** The catalog file as written by people (YAML or JSON); `parse.ts` turns it into a `Catalog`. */
const decimal = z.string().regex(/^\d{1,9}(\.\d{1,6})?$/, 'a decimal string such as "50.00"');
const size = z.union([z.string().regex(/^\d+\s*(B|KiB|MiB|GiB|TiB)?$/, 'a size such as "1GiB"'), z.number().int().nonnegative()]);
const zone = z.enum(ZONES);
const service = z.enum(SERVICES);
const percent = z.number().int().min(1).max(100);
const id = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, "lower-case letters, digits, '-', '_' or '.'");

const tariff = z.strictObject({
  service,
  zones: z.array(zone).min(1),
  price: decimal,
  per: z.union([size, z.string().regex(/^\d+\s*(s|min)$/), z.literal("message")]),
});

const allowance = z.strictObject({
  id,
  service,
  zones: z.array(zone).min(1),
  amount: z.union([size, z.string().regex(/^\d+\s*(s|min)$/), z.number().int().nonnegative()]),
  notices: z.array(percent).default([]),
});

const cap = z.strictObject({
  id,
  name: z.string().min(1).optional(),
  scope: z.enum(["line", "account"]).default("line"),
  measure: z.strictObject({
    kind: z.enum(["spend", "volume"]),
    service: z.union([service, z.literal("any")]).default("any"),
    zones: z.array(zone).min(1),
  }),
  limit: z.union([decimal, size]),
  notices: z.array(percent).default([]),
  action: z.enum(["block", "throttle", "notify", "hold"]),
  adjustable_by: z.enum(["customer", "operator"]).default("operator"),
  line_roaming_override: z.boolean().default(false),
  throttle: z.strictObject({ status: z.string().min(1), rate_kbps: z.number().int().positive() }).optional(),
});

const plan = z.strictObject({
  id,
  name: z.string().min(1),
  monthly_fee: z.union([decimal, z.literal("inherit")]),
  tariffs: z.array(tariff).default([]),
  allowances: z.array(allowance).default([]),
  caps: z.array(id).default([]),
});

const holdRule = z.discriminatedUnion("kind", [
  z.strictObject({ code: id.optional(), kind: z.literal("amount_above"), threshold: decimal }),
  z.strictObject({ code: id.optional(), kind: z.literal("roaming_line") }),
  z.strictObject({ code: id.optional(), kind: z.literal("over_cap_usage") }),
  // An account's first invoice above a (lower) limit: a new customer has no habits to compare with.
  z.strictObject({ code: id.optional(), kind: z.literal("first_invoice_above"), threshold: decimal }),
  // Findings of the abnormal-consumption detectors at or above a score hold the invoice.
  z.strictObject({ code: id.optional(), kind: z.literal("abnormal_consumption"), min_score: z.number().nonnegative().default(0) }),
]);

export const catalogSchema = z.strictObject({
  catalog: id,
  description: z.string().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  billing: z.strictObject({
    time_zone: z.string().min(1).default("Europe/Paris"),
    vat: z.array(z.strictObject({ from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), rate: decimal })).min(1),
  }),
  home: z.strictObject({
    country: z.string().regex(/^[A-Z]{2}$/),
    plmns: z.array(z.string().regex(/^\d{5,6}$/)).min(1),
    domestic_mcc: z.array(z.string().regex(/^\d{3}$/)).default([]),
  }),
  zones: z
    .strictObject({
      eu: z.strictObject({ countries: z.union([z.literal("eu-eea"), z.array(z.string().regex(/^[A-Z]{2}$/))]) }).optional(),
      non_terrestrial: z.strictObject({ mcc: z.array(z.string().regex(/^\d{3}$/)) }).optional(),
    })
    .default({}),
  caps: z.array(cap).default([]),
  plans: z.array(plan).min(1),
  hold_rules: z.array(holdRule).default([]),
});

export type CatalogDocument = z.infer<typeof catalogSchema>;
