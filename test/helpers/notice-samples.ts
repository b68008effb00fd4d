// Payloads of every kind, shaped as the engine and `enqueue` write them, for the template tests.
import type { Locale } from "../../src/notify/templates/index.ts";

export function envelope(locale: Locale) {
  return {
    line_id: "VAL-0001",
    account_id: "A-VALENCIENNES",
    msisdn: "33327000001",
    email: "valenciennes@example.org",
    locale,
    plan_id: "pro-everywhere-95",
    period: "2009-10",
  };
}

const cap = {
  cap_id: "eu-roaming-data",
  cap_name: "Roaming data limit",
  action: "block",
  measure: "spend",
  extra_unit_price: null,
  unit: null,
  throttle_status: null,
  throttle_rate_kbps: null,
  after_consent: false,
};

/** One payload per template, both branches of every optional part included. */
export function samplePayloads(locale: Locale): { name: string; payload: Record<string, unknown> }[] {
  const e = envelope(locale);
  const welcome = {
    ...e,
    kind: "roaming_welcome",
    country: "BE",
    country_name: "Belgium",
    zone: "eu",
    prices: [{ service: "data", price: "0.01", per: "KiB" }],
  };
  const fairUse = { ...cap, cap_id: "fair-use-1gib", cap_name: "Fair-use volume", action: "throttle", measure: "volume", throttle_status: "throttled-128k" };
  return [
    { name: "welcome with a cap", payload: { ...welcome, roaming_cap: "50.00" } },
    { name: "welcome, opted out", payload: { ...welcome, roaming_cap: null } },
    { name: "80 % of the roaming cap", payload: { ...e, kind: "cap_warning", ...cap, threshold: 80, used: "40.00", limit: "50.00" } },
    {
      name: "the cut-off",
      payload: { ...e, kind: "cap_reached", ...cap, threshold: 100, used: "50.00", limit: "50.00", extra_unit_price: "0.01", unit: "KiB" },
    },
    { name: "80 % of fair use", payload: { ...e, kind: "cap_warning", ...fairUse, threshold: 80, used: 858_993_459, limit: 1_073_741_824 } },
    {
      name: "fair use throttled",
      payload: { ...e, kind: "cap_reached", ...fairUse, threshold: 100, used: 1_073_741_824, limit: 1_073_741_824, throttle_rate_kbps: 128 },
    },
    { name: "a notify-only cap", payload: { ...e, kind: "cap_reached", ...cap, action: "notify", threshold: 100, used: "120.00", limit: "100.00" } },
    {
      name: "re-armed after consent",
      payload: { ...e, kind: "cap_warning", ...cap, action: "notify", threshold: 180, used: "90.00", limit: "50.00", after_consent: true },
    },
    {
      name: "allowance 80 %",
      payload: { ...e, kind: "allowance_warning", allowance_id: "domestic-data", service: "data", threshold: 80, used: 858_993_460, amount: 1_073_741_824 },
    },
    {
      name: "allowance used",
      payload: { ...e, kind: "allowance_used", allowance_id: "domestic-data", service: "data", threshold: 100, used: 1_073_741_825, amount: 1_073_741_824 },
    },
    {
      name: "consent confirmed",
      payload: {
        ...e,
        kind: "consent_confirmed",
        cap_id: "eu-roaming-data",
        cap_name: "Roaming data limit",
        limit: "50.00",
        next_warning: "90.00",
        prices: [
          { zone: "eu", service: "data", price: "0.01", per: "KiB" },
          { zone: "world", service: "data", price: "0.05", per: "KiB" },
        ],
        consented_at: "2009-10-20T10:00:00.000Z",
        channel: "sms",
      },
    },
    { name: "invoice held", payload: { ...e, kind: "invoice_held", invoice_id: "INV-2009-10-A-PHYSICIAN", total_excl_tax: "159212.00" } },
    {
      name: "abnormal usage",
      payload: {
        ...e,
        kind: "abnormal_usage",
        reason: locale === "fr" ? "Vos données à l'étranger ont été multipliées par 40." : "Your roaming data grew forty-fold.",
      },
    },
    {
      name: "plan migration",
      payload: {
        ...e,
        kind: "plan_migration",
        from_plan_name: "3G+ Internet pro everywhere",
        to_plan_name: "3G+ Internet pro unlimited",
        effective_date: "2009-12-01",
        monthly_fee: "95.00",
      },
    },
  ];
}
