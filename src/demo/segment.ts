import { Random } from "./random.ts";
import { dataRecord, LINES_HEADER, parisTime, USAGE_HEADER } from "./records.ts";
import { physicianLine, physicianUsage, valenciennesLine, valenciennesUsage } from "./story.ts";

/**
 * The synthetic "3G+ Internet pro everywhere" segment of October 2009. Every parameter is
 * here and in docs/demo.md; the same seed gives the same files byte for byte.
 */
export interface SegmentParameters {
  readonly lines: number;
  readonly seed: number;
  /** Share of lines on the 95 EUR plan (the rest on the 50 EUR plan). */
  readonly share95: number;
  /** Probability that a line is used on a weekday / on a weekend day. */
  readonly activeWeekday: number;
  readonly activeWeekend: number;
  /** Median KiB of one ordinary session, and the shape (sigma) of its log-normal spread. */
  readonly sessionMedianKib: number;
  readonly sessionSigma: number;
  /** Share of heavy users and of ordinary travellers (one EU trip). */
  readonly heavyShare: number;
  /** Sessions on a heavy user's active day (ordinary lines have 1–4). */
  readonly heavySessions: readonly [number, number];
  readonly travellerShare: number;
  /**
   * Complete months of ordinary use before October, each line keeping its own habits (a heavy
   * user is heavy every month). An operator judges a line against its past; a segment with no
   * past makes every heavy user crossing the allowance look like news.
   */
  readonly historyMonths: number;
  /** Planted abnormal lines besides the two 2009 cases (about fifty in all, as in 2009). */
  readonly abnormal: { readonly borderFlapping: number; readonly alwaysOn: number; readonly volumeMultiple: number; readonly heavyRoaming: number };
}

export const DEFAULT_SEGMENT: SegmentParameters = {
  lines: 4000,
  seed: 2009,
  share95: 0.4,
  activeWeekday: 0.8,
  activeWeekend: 0.3,
  sessionMedianKib: 6 * 1024,
  sessionSigma: 0.6,
  heavyShare: 0.08,
  heavySessions: [5, 15],
  travellerShare: 0.12,
  historyMonths: 3,
  abnormal: { borderFlapping: 12, alwaysOn: 10, volumeMultiple: 12, heavyRoaming: 14 },
};

export type Profile = "ordinary" | "heavy" | "traveller" | "border_flapping" | "always_on" | "volume_multiple" | "heavy_roaming" | "valenciennes" | "physician";

export interface Segment {
  readonly linesCsv: string;
  /** October 2009, one record per session. */
  readonly usageCsv: string;
  readonly records: number;
  /** The months before, one record per line and active day (import it first: it is the past). */
  readonly historyCsv: string;
  readonly historyRecords: number;
  readonly profiles: ReadonlyMap<string, Profile>;
}

const EU_TRIPS = ["21401", "22201", "26201", "20404", "23201", "20601"]; // ES, IT, DE, NL, AT, BE
const BORDERS = ["20610", "26202", "21407", "22210", "27077"]; // BE, DE, ES, IT, LU
const DOMESTIC = ["20801", "20801", "20801", "20810", "20820"]; // mostly home, some national roaming
/** Business-hours shape of session starts (weights per local hour 0..23). */
const HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 4, 8, 14, 16, 16, 14, 10, 12, 16, 16, 14, 12, 9, 7, 6, 4, 3, 2];
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);

function hourOf(rng: Random): number {
  let x = rng.next() * HOUR_TOTAL;
  for (let h = 0; h < 24; h++) {
    x -= HOUR_WEIGHTS[h] as number;
    if (x < 0) return h;
  }
  return 23;
}

/** A month of 2009 (1-based): its number of days and the weekday (0 = Sunday) of each. */
function monthOf(month1: number): { month1: number; days: number; weekday: (day: number) => number } {
  return {
    month1,
    days: new Date(Date.UTC(2009, month1, 0)).getUTCDate(),
    weekday: (day) => new Date(Date.UTC(2009, month1 - 1, day)).getUTCDay(),
  };
}

const OCTOBER = monthOf(10);

export function generateSegment(params: SegmentParameters = DEFAULT_SEGMENT): Segment {
  const rng = new Random(params.seed);
  // History draws from its own stream: October is the same, record for record, whatever the history.
  const pastRng = new Random(params.seed ^ 0x5eed_2009);
  const lines: string[] = [LINES_HEADER, valenciennesLine(), physicianLine()];
  const usage: string[] = [USAGE_HEADER, ...valenciennesUsage(), ...physicianUsage()];
  const past: string[] = [USAGE_HEADER];
  const profiles = new Map<string, Profile>([
    ["VAL-0001", "valenciennes"],
    ["PHY-0001", "physician"],
  ]);
  const planted: Profile[] = [];
  for (const [kind, n] of Object.entries(params.abnormal)) {
    const profile = ({ borderFlapping: "border_flapping", alwaysOn: "always_on", volumeMultiple: "volume_multiple", heavyRoaming: "heavy_roaming" } as const)[
      kind as keyof SegmentParameters["abnormal"]
    ];
    for (let i = 0; i < n; i++) planted.push(profile);
  }
  const count = Math.max(0, params.lines - 2);
  // Planted lines are spread evenly through the segment rather than bunched at the start.
  const plantedAt = new Map<number, Profile>();
  for (const [k, profile] of planted.entries()) plantedAt.set(Math.floor(((k + 0.5) * count) / planted.length) + 1, profile);
  for (let i = 1; i <= count; i++) {
    const lineId = `L${String(i).padStart(5, "0")}`;
    const on95 = rng.chance(params.share95);
    const plan = on95 ? "pro-everywhere-95" : "pro-everywhere-50";
    const profile: Profile = plantedAt.get(i) ?? (rng.chance(params.heavyShare) ? "heavy" : rng.chance(params.travellerShare) ? "traveller" : "ordinary");
    profiles.set(lineId, profile);
    lines.push(
      `${lineId},A${String(i).padStart(5, "0")},20801${String(2_000_000_000 + i).padStart(10, "0")},336${String(10_000_000 + i).padStart(8, "0")},${plan},,fr,${on95 ? "95.00" : "50.00"}`,
    );
    const habit: Profile = profile === "heavy" ? "heavy" : "ordinary";
    for (let m = params.historyMonths; m >= 1; m--) {
      const daily = dailyRecords(past, lineId, 10 - m);
      lineUsage(pastRng, params, habit, monthOf(10 - m), daily.emit);
      daily.flush();
    }
    lineUsage(rng, params, profile, OCTOBER, sessionRecords(usage, lineId, 10));
  }
  return {
    linesCsv: `${lines.join("\n")}\n`,
    usageCsv: `${usage.join("\n")}\n`,
    records: usage.length - 1,
    historyCsv: `${past.join("\n")}\n`,
    historyRecords: past.length - 1,
    profiles,
  };
}

type Emit = (day: number, hour: number, minute: number, kib: number, plmn: string, durationS: number) => void;

/** October's usage: one record per session, as a 3G key's mediation wrote them. */
function sessionRecords(out: string[], lineId: string, month1: number): Emit {
  let seq = 0;
  return (day, hour, minute, kib, plmn, durationS) => {
    seq++;
    out.push(dataRecord(`${lineId}-${seq}`, lineId, parisTime(2009, month1, day, hour, minute), kib, plmn, durationS));
  };
}

/**
 * A past month: one record per active day (at its first session's hour and network), the daily
 * summary an operator keeps of closed months. It is what the detectors read of the past anyway,
 * at a fraction of the records.
 */
function dailyRecords(out: string[], lineId: string, month1: number): { emit: Emit; flush: () => void } {
  let open: { day: number; hour: number; minute: number; kib: number; plmn: string; durationS: number } | undefined;
  const flush = () => {
    if (open === undefined) return;
    const id = `${lineId}-d${month1}-${open.day}`;
    out.push(dataRecord(id, lineId, parisTime(2009, month1, open.day, open.hour, open.minute), open.kib, open.plmn, Math.min(open.durationS, 86_399)));
    open = undefined;
  };
  const emit: Emit = (day, hour, minute, kib, plmn, durationS) => {
    if (open !== undefined && open.day !== day) flush();
    if (open === undefined) open = { day, hour, minute, kib, plmn, durationS };
    else {
      open.kib += kib;
      open.durationS += durationS;
    }
  };
  return { emit, flush };
}

function lineUsage(rng: Random, params: SegmentParameters, profile: Profile, month: ReturnType<typeof monthOf>, emit: Emit): void {
  const trip = profile === "traveller" || profile === "heavy_roaming" ? { start: rng.int(1, 24), days: rng.int(2, 6), plmn: rng.pick(EU_TRIPS) } : undefined;
  const border = profile === "border_flapping" ? { from: rng.int(3, 15), plmn: rng.pick(BORDERS) } : undefined;
  const burst = profile === "volume_multiple" ? { from: rng.int(5, 20), days: rng.int(4, 8) } : undefined;
  const alwaysOn = profile === "always_on" ? { from: rng.int(2, 18), days: rng.int(6, 12) } : undefined;
  for (let day = 1; day <= month.days; day++) {
    const wd = month.weekday(day);
    const onTrip = trip !== undefined && day >= trip.start && day < trip.start + trip.days;
    const onAlways = alwaysOn !== undefined && day >= alwaysOn.from && day < alwaysOn.from + alwaysOn.days;
    const active = onTrip || onAlways || rng.chance(wd === 0 || wd === 6 ? params.activeWeekend : params.activeWeekday);
    if (!active) continue;
    // Heavy users are connected more often, not with bigger sessions: their days vary as little.
    const sessions = onAlways ? 24 : profile === "heavy" ? rng.int(params.heavySessions[0], params.heavySessions[1]) : rng.int(1, 4);
    for (let s = 0; s < sessions; s++) {
      const hour = onAlways ? s : hourOf(rng);
      let kib = Math.max(1, Math.round(rng.logNormal(params.sessionMedianKib, params.sessionSigma)));
      let plmn = rng.pick(DOMESTIC);
      if (onTrip && trip) {
        plmn = trip.plmn;
        // Ordinary travellers read mail abroad; heavy roamers carry on as at home.
        kib = profile === "traveller" ? Math.max(1, Math.round(rng.logNormal(150, 0.8))) : Math.round(kib * 2);
      } else if (border && day >= border.from && rng.chance(Math.min(0.95, 0.2 + (day - border.from) * 0.06))) {
        plmn = border.plmn;
      } else if (burst && day >= burst.from && day < burst.from + burst.days) {
        kib *= 25;
      } else if (onAlways) {
        kib = Math.round(rng.logNormal(40 * 1024, 0.5));
      }
      emit(day, hour, rng.int(0, 59), kib, plmn, rng.int(60, 3600));
    }
  }
}
