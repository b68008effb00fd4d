import { parse as parseYaml } from "yaml";
import { type Micros, parseDecimal } from "../money.ts";
import { type Period, parsePeriod } from "../period.ts";
import { parseSize } from "../units.ts";
import { EU_EEA_COUNTRIES, NON_TERRESTRIAL_MCCS } from "./eea.ts";
import { type CatalogDocument, catalogSchema } from "./schema.ts";
import type { Allowance, Cap, Catalog, CatalogProblem, HoldRule, Plan, Service, Tariff } from "./types.ts";

export type CatalogResult = { ok: true; catalog: Catalog } | { ok: false; problems: CatalogProblem[] };

/** Parses a catalog's text (YAML or JSON) and reports every problem, not only the first. */
export function parseCatalog(text: string, file: string): CatalogResult {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    return { ok: false, problems: [{ file, path: "", reason: `not valid YAML/JSON: ${(error as Error).message}` }] };
  }
  const checked = catalogSchema.safeParse(raw);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => ({
      file,
      path: issue.path.map(String).join("."),
      reason: issue.message,
    }));
    return { ok: false, problems };
  }
  return build(checked.data, file);
}

function build(doc: CatalogDocument, file: string): CatalogResult {
  const problems: CatalogProblem[] = [];
  const problem = (path: string, reason: string) => problems.push({ file, path, reason });

  const caps = new Map<string, Cap>();
  doc.caps.forEach((c, i) => {
    const path = `caps.${i}`;
    if (caps.has(c.id)) problem(`${path}.id`, `duplicate cap id "${c.id}"`);
    const limit = c.measure.kind === "spend" ? parseDecimal(String(c.limit)) : quantityOf(c.measure.service, c.limit);
    if (limit === undefined) problem(`${path}.limit`, `"${c.limit}" is not a ${c.measure.kind === "spend" ? "decimal amount" : "volume"}`);
    if (c.action === "throttle" && !c.throttle) problem(`${path}.throttle`, "a throttle cap needs throttle.status and throttle.rate_kbps");
    if (c.line_roaming_override && c.measure.kind !== "spend")
      problem(`${path}.line_roaming_override`, "only a spend cap can take the lines file's roaming_cap_eur");
    caps.set(c.id, {
      id: c.id,
      name: c.name ?? c.id,
      scope: c.scope,
      measure: { kind: c.measure.kind, service: c.measure.service === "any" ? undefined : c.measure.service, zones: c.measure.zones },
      limit: limit ?? 0,
      notices: [...new Set(c.notices)].sort((a, b) => a - b),
      action: c.action,
      adjustableBy: c.adjustable_by,
      lineRoamingOverride: c.line_roaming_override,
      throttle: c.throttle ? { status: c.throttle.status, rateKbps: c.throttle.rate_kbps } : undefined,
    });
  });

  const plans = new Map<string, Plan>();
  doc.plans.forEach((p, i) => {
    const path = `plans.${i}`;
    if (plans.has(p.id)) problem(`${path}.id`, `duplicate plan id "${p.id}"`);
    const tariffs = p.tariffs.map((t, j) => buildTariff(t, `${path}.tariffs.${j}`, problem));
    checkOverlap(p.tariffs, `${path}.tariffs`, problem);
    checkOverlap(p.allowances, `${path}.allowances`, problem);
    const allowances = p.allowances.map((a, j): Allowance => {
      const amount = quantityOf(a.service, a.amount);
      if (amount === undefined) problem(`${path}.allowances.${j}.amount`, `"${a.amount}" is not a quantity of ${a.service}`);
      return { id: a.id, service: a.service, zones: a.zones, amount: amount ?? 0, notices: [...new Set(a.notices)].sort((x, y) => x - y) };
    });
    const planCaps: Cap[] = [];
    p.caps.forEach((capId, j) => {
      const cap = caps.get(capId);
      if (cap) planCaps.push(cap);
      else problem(`${path}.caps.${j}`, `unknown cap "${capId}"`);
    });
    const fee = p.monthly_fee === "inherit" ? ({ kind: "inherit" } as const) : { kind: "fixed" as const, amount: parseDecimal(p.monthly_fee) as Micros };
    plans.set(p.id, { id: p.id, name: p.name, monthlyFee: fee, tariffs: tariffs.filter((t) => t !== undefined), allowances, caps: planCaps });
  });

  const holdRules: HoldRule[] = doc.hold_rules.map((r): HoldRule => {
    if (r.kind === "amount_above") return { code: r.code ?? "amount_above_threshold", kind: r.kind, threshold: parseDecimal(r.threshold) as Micros };
    if (r.kind === "first_invoice_above") return { code: r.code ?? "first_invoice_above_limit", kind: r.kind, threshold: parseDecimal(r.threshold) as Micros };
    if (r.kind === "abnormal_consumption") return { code: r.code ?? r.kind, kind: r.kind, minScore: r.min_score };
    return { code: r.code ?? r.kind, kind: r.kind };
  });

  const vat = doc.billing.vat.map((v) => ({ from: parsePeriod(v.from) as Period, ratePpm: Math.round((parseDecimal(v.rate) as number) / 100) }));
  vat.sort((a, b) => (a.from < b.from ? -1 : 1));
  if (!isTimeZone(doc.billing.time_zone)) problem("billing.time_zone", `unknown time zone "${doc.billing.time_zone}"`);

  if (problems.length > 0) return { ok: false, problems };
  const eu = doc.zones.eu?.countries;
  return {
    ok: true,
    catalog: {
      id: doc.catalog,
      currency: doc.currency,
      timeZone: doc.billing.time_zone,
      vat,
      home: { country: doc.home.country, plmns: doc.home.plmns, domesticMccs: doc.home.domestic_mcc },
      euCountries: new Set(eu === undefined || eu === "eu-eea" ? EU_EEA_COUNTRIES : eu),
      nonTerrestrialMccs: new Set(doc.zones.non_terrestrial?.mcc ?? NON_TERRESTRIAL_MCCS),
      plans,
      caps,
      holdRules,
    },
  };
}

type Problem = (path: string, reason: string) => void;

function buildTariff(t: CatalogDocument["plans"][number]["tariffs"][number], path: string, problem: Problem): Tariff | undefined {
  const unitPrice = parseDecimal(t.price);
  const per = incrementOf(t.service, t.per);
  if (per === undefined) {
    problem(`${path}.per`, `"${t.per}" is not an increment of ${t.service}`);
    return undefined;
  }
  if (unitPrice === undefined) return undefined;
  return { service: t.service, zones: t.zones, unitPrice, increment: per.increment, unitLabel: per.label };
}

function checkOverlap(items: readonly { service: Service; zones: readonly string[] }[], path: string, problem: Problem): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    for (const zone of item.zones) {
      const key = `${item.service}/${zone}`;
      if (seen.has(key)) problem(`${path}.${i}.zones`, `${item.service} in zone ${zone} is listed twice`);
      seen.add(key);
    }
  });
}

function incrementOf(service: Service, per: string | number): { increment: number; label: string } | undefined {
  const text = String(per).trim();
  if (service === "sms") return text === "message" || text === "1" ? { increment: 1, label: "SMS" } : undefined;
  if (service === "voice") {
    const m = /^(\d+)\s*(s|min)$/.exec(text);
    if (!m) return undefined;
    const secs = Number(m[1]) * (m[2] === "min" ? 60 : 1);
    return secs > 0 ? { increment: secs, label: secs === 60 ? "min" : `${secs}s` } : undefined;
  }
  const octets = parseSize(text);
  if (octets === undefined || octets <= 0) return undefined;
  return { increment: octets, label: octets === 1024 ? "KiB" : octets === 1024 * 1024 ? "MiB" : `${octets}B` };
}

function quantityOf(service: Service | "any", value: string | number): number | undefined {
  if (typeof value === "number") return value;
  if (service === "voice") {
    const m = /^(\d+)\s*(s|min)$/.exec(value.trim());
    return m ? Number(m[1]) * (m[2] === "min" ? 60 : 1) : undefined;
  }
  if (service === "sms") return /^\d+$/.test(value) ? Number(value) : undefined;
  return parseSize(value);
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
