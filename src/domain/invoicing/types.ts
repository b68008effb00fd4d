import type { Service, Zone } from "../catalog/types.ts";
import type { Micros } from "../money.ts";
import type { Period } from "../period.ts";

export type InvoiceStatus = "draft" | "held" | "approved" | "issued" | "void";
export type InvoiceLineKind = "subscription" | "domestic_data" | "roaming_data" | "voice" | "sms" | "credit" | "adjustment";

/** Usage of one line summed by what an invoice itemises (read from the journal). */
export interface UsageAggregate {
  readonly lineId: string;
  readonly service: Service;
  readonly zone: Zone;
  readonly country: string;
  readonly countryName: string;
  /** The period the usage happened in; differs from the invoice's for a late record. */
  readonly usagePeriod: Period;
  readonly quantity: number;
  readonly units: number;
  readonly unitLabel: string;
  readonly amount: Micros;
  readonly overUnits: number;
  readonly overCapIds: readonly string[];
  readonly records: number;
}

export interface InvoiceLine {
  readonly lineId: string;
  readonly kind: InvoiceLineKind;
  readonly description: string;
  readonly zone: Zone | undefined;
  readonly country: string | undefined;
  readonly quantity: number;
  readonly unit: string;
  /** Rounded once, half-up, to whole cents. */
  readonly amount: Micros;
  readonly originalPeriod: Period | undefined;
  /** The plan a subscription line bills (re-rating and waivers need the plan that was billed). */
  readonly planId?: string | undefined;
}

/** Usage that was recorded but not billed because a blocking cap was reached. */
export interface NotBilled {
  readonly lineId: string;
  readonly zone: Zone;
  readonly country: string;
  readonly quantity: number;
  readonly unit: string;
  readonly capIds: readonly string[];
}

export interface HoldReason {
  readonly code: string;
  readonly message: string;
}

export interface Invoice {
  readonly invoiceId: string;
  readonly accountId: string;
  readonly period: Period;
  readonly currency: string;
  readonly status: InvoiceStatus;
  readonly totalExclTax: Micros;
  readonly vatPpm: number;
  readonly tax: Micros;
  readonly totalInclTax: Micros;
  readonly holdReasons: readonly HoldReason[];
  readonly lines: readonly InvoiceLine[];
  readonly notBilled: readonly NotBilled[];
}
