/**
 * Journal slots → the local days the detectors read. A slot is a UTC quarter hour; its local date
 * and hour come from the catalog's calendar, so a day is a Europe/Paris day (for the default
 * catalog) whatever the server's own zone, and the 25-hour day of October stays one day.
 */
import type { DailyUsage, Zone as DetectorZone, IsoDate, Weekday } from "../../domain/anomaly/index.ts";
import type { Micros, Octets, Zone } from "../../domain/index.ts";
import type { UsageSlot } from "../../store/index.ts";

/** The calendar's one capability the mapping needs: the offset of local time at an instant. */
export interface LocalTime {
  offsetAt(instantMs: number): number;
}

export interface LocalSlot {
  readonly date: IsoDate;
  readonly hour: number;
}

/** ISO weekday of a calendar day, 1 = Monday. */
export function weekdayOf(date: IsoDate): Weekday {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
}

export function localSlot(calendar: LocalTime, slotMs: number): LocalSlot {
  const local = new Date(slotMs + calendar.offsetAt(slotMs));
  return { date: local.toISOString().slice(0, 10), hour: local.getUTCHours() };
}

/**
 * `localSlot` remembered per quarter hour: every line's usage falls into the same few thousand
 * quarter hours of a period, so a scan of a million slots formats a date a few thousand times.
 */
export class LocalSlots {
  private readonly known = new Map<number, LocalSlot>();

  constructor(readonly calendar: LocalTime) {}

  of(slotMs: number): LocalSlot {
    let slot = this.known.get(slotMs);
    if (slot === undefined) {
      slot = localSlot(this.calendar, slotMs);
      this.known.set(slotMs, slot);
    }
    return slot;
  }
}

/**
 * The detectors know four zones. Non-terrestrial networks (ships, aircraft) are priced like the
 * rest of the world and are just as far from a line's habits, so they count as `world`.
 */
export function detectorZone(zone: Zone): DetectorZone {
  switch (zone) {
    case "home":
    case "national":
    case "eu":
    case "world":
      return zone;
    case "non_terrestrial":
      return "world";
  }
}

/** One line's running totals for one local day. Mutable while slots are added, then frozen. */
export class DayTotals {
  private octets = 0;
  private spend = 0;
  private mask = 0;
  private readonly byNetwork = new Map<string, number>();
  private readonly byZone: Record<DetectorZone, number> = { home: 0, national: 0, eu: 0, world: 0 };

  constructor(readonly date: IsoDate) {}

  get totalOctets(): number {
    return this.octets;
  }

  get totalSpend(): number {
    return this.spend;
  }

  add(slot: UsageSlot, hour: number): void {
    this.octets += slot.octets;
    this.spend += slot.amount;
    if (slot.dataRecords > 0) this.mask |= 1 << hour;
    if (slot.octets > 0) {
      this.byNetwork.set(slot.servingPlmn, (this.byNetwork.get(slot.servingPlmn) ?? 0) + slot.octets);
      this.byZone[detectorZone(slot.zone)] += slot.octets;
    }
  }

  /** Journal sums are whole octets and whole micro-euros: the brands only name what they are. */
  toDaily(weekday: Weekday): DailyUsage {
    return {
      date: this.date,
      weekday,
      octets: this.octets as Octets,
      byNetwork: [...this.byNetwork].sort(([a], [b]) => (a < b ? -1 : 1)).map(([plmn, octets]) => ({ plmn, octets: octets as Octets })),
      byZone: {
        home: this.byZone.home as Octets,
        national: this.byZone.national as Octets,
        eu: this.byZone.eu as Octets,
        world: this.byZone.world as Octets,
      },
      spend: this.spend as Micros,
      activity: { kind: "bitmap", mask: this.mask },
    };
  }
}
