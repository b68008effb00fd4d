/**
 * What abnormal-consumption detection reads from the journal and what it keeps of its own. The
 * journal is read as quarter-hour slots rather than local days: cutting instants into days is a
 * time-zone question for the catalog's calendar, not for the store, and every zone's offset is a
 * whole number of quarter hours.
 */
import type { Micros, Zone } from "../domain/index.ts";

export const SLOT_MS = 15 * 60 * 1000;

/** Usage of one line in one quarter hour (UTC), on one serving network and zone. */
export interface UsageSlot {
  readonly lineId: string;
  /** Start of the quarter hour, UTC milliseconds. */
  readonly slotMs: number;
  readonly servingPlmn: string;
  readonly zone: Zone;
  /** Data octets, up + down; voice and SMS carry none. */
  readonly octets: number;
  /** Everything rated in the slot, every service. */
  readonly amount: Micros;
  /** Data records in the slot: any one of them makes the hour active. */
  readonly dataRecords: number;
}

/** Which journal rows to read: usage that started in `[fromMs, toMs)`, optionally a `seq` range. */
export interface SlotQuery {
  readonly fromMs: number;
  readonly toMs: number;
  /** Only rows with `seq` above this (rows already read are skipped). */
  readonly afterSeq?: number;
  /** Only rows with `seq` up to this (a snapshot: rows committed meanwhile are read next time). */
  readonly upToSeq?: number;
}

/** One remembered false positive, with who decided it, when and why. */
export interface DismissalRow {
  readonly lineId: string;
  readonly code: string;
  readonly reason: string;
  readonly actor: string;
  readonly at: string;
}

/** Journal rows newer than a sequence number, as slots. */
export interface NewUsage {
  /** The highest `seq` read: the next catch-up starts after it. */
  readonly head: number;
  readonly slots: readonly UsageSlot[];
}

export interface AnomalyStore {
  /** The highest journal sequence number, 0 for an empty journal. */
  journalHead(): Promise<number>;
  /** Usage slots of every line, in no particular order. */
  usageSlots(query: SlotQuery): Promise<UsageSlot[]>;
  /**
   * Rows committed after `afterSeq`, up to the current head; with `fromMs`, only usage started at
   * or after it (older usage cannot concern a period still watched, so an adapter may skip it).
   */
  usageSince(afterSeq: number, fromMs?: number): Promise<NewUsage>;
  listDismissals(): Promise<DismissalRow[]>;
  /** A line and code dismissed again keeps both rows: the audit shows every decision. */
  recordDismissal(row: DismissalRow): Promise<void>;
}
