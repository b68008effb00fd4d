/**
 * A payload → the template it is told with, and the figures that template may use, already
 * worded for the customer's locale. Every value a template can name is built here.
 */
import { countryName, formatDate, formatMoney, formatPercent, formatPeriod, formatVolume } from "./format.ts";
import type { Labels, Locale } from "./labels.ts";
import type { NoticePayload } from "./payload.ts";
import type { View } from "./render.ts";

export const TEMPLATE_IDS = [
  "roaming_welcome",
  "cap_warning",
  "cap_cutoff",
  "fair_use_throttled",
  "cap_reached",
  "consented_threshold",
  "allowance_warning",
  "allowance_used",
  "consent_confirmed",
  "invoice_held",
  "abnormal_usage",
  "plan_migration",
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export interface ViewContext {
  readonly labels: Labels;
  readonly currency: string;
  readonly selfCareUrl: string;
}

export type Built = { ok: true; template: TemplateId; view: View } | { ok: false; code: "payload_invalid"; message: string };

/** Which template tells a payload: a cap's 100 % reads differently for a cut-off and a throttle. */
export function templateOf(p: NoticePayload): TemplateId {
  switch (p.kind) {
    case "cap_warning":
      return p.after_consent ? "consented_threshold" : "cap_warning";
    case "cap_reached":
      if (p.after_consent) return "consented_threshold";
      return p.action === "block" ? "cap_cutoff" : p.action === "throttle" ? "fair_use_throttled" : "cap_reached";
    default:
      return p.kind;
  }
}

export function buildView(p: NoticePayload, ctx: ViewContext): Built {
  const locale: Locale = p.locale;
  const { labels } = ctx;
  const money = (d: string): string => {
    const f = formatMoney(d, locale, ctx.currency);
    if (!f.ok) throw new ViewError(f.message);
    return f.text;
  };
  const unit = (u: string) => labels.units[u] ?? u;
  const perUnit = (price: string, per: string) => `${money(price)} ${labels.per} ${unit(per)}`;
  const common: View = {
    line_id: p.line_id,
    msisdn: p.msisdn,
    period_name: formatPeriod(p.period, locale),
    self_care_url: ctx.selfCareUrl,
    reply_keyword: labels.reply_keyword,
  };
  const template = templateOf(p);
  try {
    return { ok: true, template, view: { ...common, ...specific(p, ctx, money, perUnit) } };
  } catch (e) {
    if (e instanceof ViewError) return { ok: false, code: "payload_invalid", message: e.message };
    throw e;
  }
}

class ViewError extends Error {}

function specific(p: NoticePayload, ctx: ViewContext, money: (d: string) => string, perUnit: (price: string, per: string) => string): View {
  const { labels } = ctx;
  const locale = p.locale;
  switch (p.kind) {
    case "roaming_welcome": {
      const prices = p.prices.map((x) => ({ service_name: labels.services[x.service], price: perUnit(x.price, x.per) }));
      return {
        country_name: countryName(p.country, p.country_name, locale),
        prices,
        prices_text: prices.map((x) => `${x.service_name} ${x.price}`).join(", "),
        has_cap: p.roaming_cap !== null,
        ...(p.roaming_cap === null ? {} : { roaming_cap: money(p.roaming_cap) }),
      };
    }
    case "cap_warning":
    case "cap_reached": {
      const figure = (v: string | number) => (typeof v === "string" ? money(v) : formatVolume(v, locale, labels));
      return {
        cap_label: labels.caps[p.cap_id] ?? p.cap_name,
        threshold: formatPercent(p.threshold, locale),
        used: figure(p.used),
        limit: figure(p.limit),
        at_limit_block: p.action === "block",
        at_limit_throttle: p.action === "throttle",
        ...(p.extra_unit_price !== null && p.unit !== null ? { extra_price: perUnit(p.extra_unit_price, p.unit) } : {}),
        ...(p.throttle_rate_kbps !== null ? { throttle_rate: `${p.throttle_rate_kbps} ${labels.kbps}` } : {}),
      };
    }
    case "allowance_warning":
    case "allowance_used": {
      const quantity = (v: number) =>
        p.service === "data" ? formatVolume(v, locale, labels) : p.service === "voice" ? `${Math.floor(v / 60)} min` : `${v} SMS`;
      return { threshold: formatPercent(p.threshold, locale), used: quantity(p.used), amount: quantity(p.amount), service_name: labels.services[p.service] };
    }
    case "consent_confirmed": {
      const prices = p.prices.map((x) => ({ zone_name: labels.zones[x.zone], price: perUnit(x.price, x.per) }));
      const figure = (v: string | number) => (typeof v === "string" ? money(v) : formatVolume(v, locale, labels));
      return {
        cap_label: labels.caps[p.cap_id] ?? p.cap_name,
        limit: figure(p.limit),
        prices,
        prices_text: prices.map((x) => `${x.zone_name} ${x.price}`).join(", "),
        channel_name: labels.channels[p.channel] ?? p.channel,
        has_next_warning: p.next_warning !== null,
        ...(p.next_warning === null ? {} : { next_warning: figure(p.next_warning) }),
      };
    }
    case "invoice_held":
      return { invoice_id: p.invoice_id, total: money(p.total_excl_tax) };
    case "abnormal_usage":
      return { reason: p.reason };
    case "plan_migration":
      return { from_plan: p.from_plan_name, to_plan: p.to_plan_name, effective_date: formatDate(p.effective_date, locale), monthly_fee: money(p.monthly_fee) };
  }
}
