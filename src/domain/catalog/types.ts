import type { Micros } from "../money.ts";
import type { Period } from "../period.ts";

/** Where a usage happened, relative to the line's home network. */
export const ZONES = ["home", "national", "eu", "world", "non_terrestrial"] as const;
export type Zone = (typeof ZONES)[number];
export const ZONE_INDEX: Readonly<Record<Zone, number>> = { home: 0, national: 1, eu: 2, world: 3, non_terrestrial: 4 };
export const ROAMING_ZONES: readonly Zone[] = ["eu", "world", "non_terrestrial"];

export const SERVICES = ["data", "voice", "sms"] as const;
export type Service = (typeof SERVICES)[number];
export const SERVICE_INDEX: Readonly<Record<Service, number>> = { data: 0, voice: 1, sms: 2 };

/** A price per started increment of a service's base unit (octets, seconds, messages). */
export interface Tariff {
  readonly service: Service;
  readonly zones: readonly Zone[];
  readonly unitPrice: Micros;
  /** Size of one rating increment in the service's base unit, e.g. 1024 octets, 60 seconds. */
  readonly increment: number;
  /** How the increment is named on invoices: "KiB", "min", "SMS". */
  readonly unitLabel: string;
}

export interface Allowance {
  readonly id: string;
  readonly service: Service;
  readonly zones: readonly Zone[];
  /** Included quantity per period in the service's base unit. */
  readonly amount: number;
  readonly notices: readonly number[];
}

export type CapAction = "block" | "throttle" | "notify" | "hold";
export type CapMeasureKind = "spend" | "volume";

export interface CapMeasure {
  readonly kind: CapMeasureKind;
  /** `undefined` means every service (a total-spend cap). */
  readonly service: Service | undefined;
  readonly zones: readonly Zone[];
}

export interface Cap {
  readonly id: string;
  readonly name: string;
  readonly scope: "line" | "account";
  readonly measure: CapMeasure;
  /** Micros for a spend cap, the base unit (octets…) for a volume cap. */
  readonly limit: number;
  readonly notices: readonly number[];
  readonly action: CapAction;
  readonly adjustableBy: "customer" | "operator";
  /** When true, the lines file's roaming_cap_eur / roaming_cap_opt_out apply to this cap. */
  readonly lineRoamingOverride: boolean;
  /** For throttle caps: the policy status reported to the network (Sy) and the rate applied. */
  readonly throttle: { readonly status: string; readonly rateKbps: number } | undefined;
}

export type MonthlyFee = { readonly kind: "fixed"; readonly amount: Micros } | { readonly kind: "inherit" };

export interface Plan {
  readonly id: string;
  readonly name: string;
  readonly monthlyFee: MonthlyFee;
  readonly tariffs: readonly Tariff[];
  readonly allowances: readonly Allowance[];
  readonly caps: readonly Cap[];
}

export type HoldRule =
  | { readonly code: string; readonly kind: "amount_above"; readonly threshold: Micros }
  | { readonly code: string; readonly kind: "roaming_line" }
  | { readonly code: string; readonly kind: "over_cap_usage" }
  | { readonly code: string; readonly kind: "first_invoice_above"; readonly threshold: Micros }
  | { readonly code: string; readonly kind: "abnormal_consumption"; readonly minScore: number };

export interface VatRate {
  readonly from: Period;
  /** Parts per million: 19.6 % = 196_000. */
  readonly ratePpm: number;
}

export interface HomeNetwork {
  readonly country: string;
  readonly plmns: readonly string[];
  /** Every network of these MCCs is domestic (all MCC 208 networks for a French line). */
  readonly domesticMccs: readonly string[];
}

export interface Catalog {
  readonly id: string;
  readonly currency: string;
  readonly timeZone: string;
  readonly vat: readonly VatRate[];
  readonly home: HomeNetwork;
  /** ISO 3166 alpha-2 codes priced as the EU roaming zone (EU + EEA + outermost regions). */
  readonly euCountries: ReadonlySet<string>;
  /** MCCs of non-terrestrial networks (ships, aircraft, satellite). */
  readonly nonTerrestrialMccs: ReadonlySet<string>;
  readonly plans: ReadonlyMap<string, Plan>;
  readonly caps: ReadonlyMap<string, Cap>;
  readonly holdRules: readonly HoldRule[];
}

export interface CatalogProblem {
  readonly file: string;
  readonly path: string;
  readonly reason: string;
}
