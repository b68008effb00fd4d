import { dataRecord, parisTime, splitKib } from "./records.ts";

/** The two 2009 invoices of shared/domain/story.md, as lines and usage of October 2009. */
export const DEMO_PERIOD = "2009-10";

/** Valenciennes: 4,582,861 KiB of Belgian roaming (206-10) on pro-everywhere-95. */
export const VALENCIENNES = { lineId: "VAL-0001", accountId: "A-VALENCIENNES", roamingKib: 4_582_861, plmn: "20610" } as const;
/** The physician: 1 GiB + 795,810,000 KiB of domestic data on pro-everywhere-50. */
export const PHYSICIAN = { lineId: "PHY-0001", accountId: "A-PHYSICIAN", domesticKib: 1_048_576 + 795_810_000, plmn: "20801" } as const;

export function valenciennesLine(planId = "pro-everywhere-95"): string {
  return `${VALENCIENNES.lineId},${VALENCIENNES.accountId},208011000000001,33327000001,${planId},valenciennes@example.org,fr,95.00`;
}

export function physicianLine(planId = "pro-everywhere-50"): string {
  return `${PHYSICIAN.lineId},${PHYSICIAN.accountId},208011000000002,33320000002,${planId},cabinet@example.org,fr,50.00`;
}

/**
 * The laptop near the border: every hour of October on the Belgian network (the pinned
 * volume, split into whole KiB per record), plus the French network on the hours it held in
 * the first six days, before the key settled on the Belgian one: two records of 5,500 KiB a
 * day, 66,000 KiB in all, inside the allowance.
 */
export function valenciennesUsage(): string[] {
  const out: string[] = [];
  const hours = 31 * 24;
  const parts = splitKib(VALENCIENNES.roamingKib, hours);
  for (let h = 0; h < hours; h++) {
    const day = 1 + Math.floor(h / 24);
    out.push(dataRecord(`val-be-${h}`, VALENCIENNES.lineId, parisTime(2009, 10, day, h % 24, 5), parts[h] as number, VALENCIENNES.plmn, 3300));
  }
  for (let day = 1; day <= 6; day++) {
    for (const hour of [8, 14]) {
      out.push(dataRecord(`val-fr-${day}-${hour}`, VALENCIENNES.lineId, parisTime(2009, 10, day, hour, 40), 5_500, "20801", 1200));
    }
  }
  return out;
}

/** The physician's month: the pinned domestic volume, an hourly record all month long. */
export function physicianUsage(): string[] {
  const hours = 31 * 24;
  const parts = splitKib(PHYSICIAN.domesticKib, hours);
  return parts.map((kib, h) => dataRecord(`phy-${h}`, PHYSICIAN.lineId, parisTime(2009, 10, 1 + Math.floor(h / 24), h % 24, 20), kib, PHYSICIAN.plmn, 3500));
}
