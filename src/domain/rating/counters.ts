import { SERVICE_INDEX, SERVICES, type Service, ZONE_INDEX, ZONES, type Zone } from "../catalog/types.ts";
import type { Micros } from "../money.ts";

const SLOTS = SERVICES.length * ZONES.length;

export function slotOf(service: Service, zone: Zone): number {
  return SERVICE_INDEX[service] * ZONES.length + ZONE_INDEX[zone];
}

/** Allowances a plan may have (they get the last slots of the counters' array). */
const MAX_ALLOWANCES = 4;
const SPEND = SLOTS;
const ALLOWANCE = 2 * SLOTS;

/**
 * What a line (or an account) has used in one billing period. One Float64Array holds the
 * quantities, the spend and the allowances used (integers, exact up to 2^53): the engine holds
 * a million of these, and separate arrays or Maps would triple a line's footprint.
 */
export class PeriodCounters {
  /** [0, SLOTS): base units per service × zone; [SLOTS, 2·SLOTS): billable micros; then allowances. */
  readonly values = new Float64Array(2 * SLOTS + MAX_ALLOWANCES);
  /** Allowance ids, in the order of their slots. */
  allowanceIds: string[] | undefined;
  /** Notice keys already raised this period ("cap:eu-roaming-data:80"): once per threshold. */
  notified: Set<string> | undefined;
  /** Caps the customer consented to pass this period. */
  consented: Set<string> | undefined;

  constructor(readonly period: string) {}

  quantityAt(slot: number): number {
    return this.values[slot] as number;
  }

  spendAt(slot: number): number {
    return this.values[SPEND + slot] as number;
  }

  /** Adds to a slot directly (rebuilding counters from the journal). */
  addSlot(slot: number, quantity: number, spend: number): void {
    (this.values[slot] as number) += quantity;
    (this.values[SPEND + slot] as number) += spend;
  }

  allowance(id: string): number {
    const i = this.allowanceIds ? this.allowanceIds.indexOf(id) : -1;
    return i === -1 ? 0 : (this.values[ALLOWANCE + i] as number);
  }

  addAllowance(id: string, used: number): void {
    this.allowanceIds ??= [];
    let i = this.allowanceIds.indexOf(id);
    if (i === -1) {
      if (this.allowanceIds.length >= MAX_ALLOWANCES) throw new RangeError(`more than ${MAX_ALLOWANCES} allowances in one period`);
      i = this.allowanceIds.push(id) - 1;
    }
    (this.values[ALLOWANCE + i] as number) += used;
  }

  measure(kind: "spend" | "volume", service: Service | undefined, zones: readonly Zone[]): number {
    const base = kind === "spend" ? SPEND : 0;
    let total = 0;
    for (const s of service === undefined ? SERVICES : [service]) {
      for (const z of zones) total += this.values[base + slotOf(s, z)] as number;
    }
    return total;
  }

  hasNotified(key: string): boolean {
    return this.notified?.has(key) ?? false;
  }

  markNotified(key: string): void {
    this.notified ??= new Set();
    this.notified.add(key);
  }

  isConsented(capId: string): boolean {
    return this.consented?.has(capId) ?? false;
  }

  /** Applies one rated usage. */
  apply(service: Service, zone: Zone, quantity: number, spend: Micros, allowanceId: string | undefined, allowanceUsed: number): void {
    this.addSlot(slotOf(service, zone), quantity, spend);
    if (allowanceId !== undefined && allowanceUsed > 0) this.addAllowance(allowanceId, allowanceUsed);
  }
}
