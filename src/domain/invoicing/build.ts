import { isRoaming } from "../catalog/networks.ts";
import type { Catalog, Zone } from "../catalog/types.ts";
import { add, type Micros, percentOf, roundToCents, ZERO } from "../money.ts";
import type { Period } from "../period.ts";
import { type ConsumptionFinding, holdReasons } from "./hold-rules.ts";
import type { HoldReason, Invoice, InvoiceLine, InvoiceLineKind, NotBilled, UsageAggregate } from "./types.ts";
import { vatFor } from "./vat.ts";

export interface BillableLine {
  readonly lineId: string;
  readonly planId: string;
  readonly planName: string;
  readonly monthlyFee: Micros;
}

export interface InvoiceInput {
  readonly invoiceId: string;
  readonly accountId: string;
  readonly period: Period;
  readonly lines: readonly BillableLine[];
  readonly usage: readonly UsageAggregate[];
  readonly extraHoldReasons: readonly HoldReason[];
  /** True when the account has never been invoiced before (the first-invoice hold rule). */
  readonly firstInvoice?: boolean;
  /** Abnormal-consumption findings on the account's lines (the abnormal-consumption hold rule). */
  readonly findings?: readonly ConsumptionFinding[];
}

function kindOf(a: UsageAggregate, period: Period): InvoiceLineKind {
  if (a.usagePeriod !== period) return "adjustment";
  if (a.service === "data") return isRoaming(a.zone) ? "roaming_data" : "domestic_data";
  return a.service;
}

const ZONE_LABEL: Record<Zone, string> = {
  home: "home network",
  national: "national networks",
  eu: "EU roaming",
  world: "rest of world roaming",
  non_terrestrial: "non-terrestrial networks",
};

function describe(a: UsageAggregate, kind: InvoiceLineKind): string {
  const where = isRoaming(a.zone) ? `${ZONE_LABEL[a.zone]}, ${a.countryName}` : ZONE_LABEL[a.zone];
  const what = a.service === "data" ? "Data" : a.service === "voice" ? "Voice" : "SMS";
  return kind === "adjustment" ? `Late ${what.toLowerCase()} usage of ${a.usagePeriod} (${where})` : `${what} — ${where}`;
}

/**
 * Builds an account's invoice for a period: one subscription line per line, one usage line per
 * line × service × zone × country (and per original period for late usage). Each line is
 * rounded to cents once; the total is the sum of the rounded lines; VAT is computed on it.
 * The status is `held` when any hold reason applies, otherwise `issued`.
 */
export function buildInvoice(catalog: Catalog, input: InvoiceInput): Invoice {
  const lines: InvoiceLine[] = [];
  const notBilled: NotBilled[] = [];
  const sorted = [...input.lines].sort((a, b) => (a.lineId < b.lineId ? -1 : 1));
  for (const line of sorted) {
    lines.push({
      lineId: line.lineId,
      kind: "subscription",
      description: `Subscription ${line.planName} (${line.planId})`,
      zone: undefined,
      country: undefined,
      quantity: 1,
      unit: "month",
      amount: roundToCents(line.monthlyFee),
      originalPeriod: undefined,
      planId: line.planId,
    });
    const usage = input.usage
      .filter((u) => u.lineId === line.lineId)
      .sort((a, b) => `${a.usagePeriod}${a.service}${a.zone}${a.country}`.localeCompare(`${b.usagePeriod}${b.service}${b.zone}${b.country}`));
    for (const a of usage) {
      const kind = kindOf(a, input.period);
      if (a.units > 0 || a.amount > 0 || a.quantity > 0) {
        lines.push({
          lineId: a.lineId,
          kind,
          description: describe(a, kind),
          zone: a.zone,
          country: a.country,
          quantity: a.units,
          unit: a.unitLabel,
          amount: roundToCents(a.amount),
          originalPeriod: kind === "adjustment" ? a.usagePeriod : undefined,
        });
      }
      if (a.overUnits > 0) {
        notBilled.push({ lineId: a.lineId, zone: a.zone, country: a.country, quantity: a.overUnits, unit: a.unitLabel, capIds: a.overCapIds });
      }
    }
  }
  const totalExclTax = lines.reduce<Micros>((t, l) => add(t, l.amount), ZERO);
  const vatPpm = vatFor(catalog.vat, input.period);
  const tax = percentOf(totalExclTax, vatPpm);
  const reasons = holdReasons(catalog.holdRules, {
    totalExclTax,
    currency: catalog.currency,
    lines,
    notBilled,
    extra: input.extraHoldReasons,
    firstInvoice: input.firstInvoice ?? false,
    findings: input.findings ?? [],
  });
  return {
    invoiceId: input.invoiceId,
    accountId: input.accountId,
    period: input.period,
    currency: catalog.currency,
    status: reasons.length > 0 ? "held" : "issued",
    totalExclTax,
    vatPpm,
    tax,
    totalInclTax: add(totalExclTax, tax),
    holdReasons: reasons,
    lines,
    notBilled,
  };
}
