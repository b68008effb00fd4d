/**
 * What the core reports. Evidence keys are snake_case because they go verbatim into the
 * interchange JSON; money in evidence is a decimal string with two decimals, as everywhere
 * in that contract.
 */
import type { IsoDate } from "./calendar.ts";

export const REASON_CODES = ["roaming_spike", "border_flapping", "always_on", "volume_multiple", "spend_velocity", "heavy_roaming", "peer_outlier"] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export type Locale = "en" | "fr";

interface Common {
  /** The first day of the pattern. */
  readonly since: IsoDate;
  /** This reason's share of the line's score. */
  readonly score: number;
  /** Money billed on the line since `since`, "45828.61". */
  readonly spend_since_eur: string;
}

export interface RoamingSpikeEvidence extends Common {
  readonly last_day: IsoDate;
  readonly roaming_octets: number;
  readonly usual_octets: number;
  readonly multiple: number;
  readonly plmn: string;
  readonly country: string;
}

export interface BorderFlappingEvidence extends Common {
  readonly plmn: string;
  readonly country: string;
  readonly share_pct: number;
  readonly usual_share_pct: number;
  readonly latest_week_share_pct: number;
  readonly mixed_days: number;
  readonly foreign_octets: number;
}

export interface AlwaysOnEvidence extends Common {
  readonly run_days: number;
  readonly mean_active_hours: number;
  readonly usual_active_hours: number;
  readonly octets_since: number;
}

export interface VolumeMultipleEvidence extends Common {
  readonly octets_since: number;
  readonly usual_octets: number;
  readonly multiple: number;
}

export interface SpendVelocityEvidence extends Common {
  readonly window_days: number;
  readonly peak_window_spend_eur: string;
  readonly usual_window_spend_eur: string;
}

export interface HeavyRoamingEvidence extends Common {
  readonly roaming_days: number;
  readonly roaming_octets: number;
  readonly usual_octets: number;
  readonly multiple: number;
  readonly plmn: string;
  readonly country: string;
}

export interface PeerOutlierEvidence extends Common {
  readonly measure: "volume" | "spend";
  readonly days_observed: number;
  /** Month to date and projected month, in octets or in micro-euros as a decimal string. */
  readonly month_to_date: string;
  readonly projected_month: string;
  readonly peer_p50: string;
  readonly peer_p99: string;
  readonly peer_samples: number;
  readonly multiple_of_p99: number;
}

interface ReasonOf<C extends ReasonCode, E> {
  readonly code: C;
  readonly score: number;
  readonly since: IsoDate;
  readonly message: string;
  readonly evidence: E;
}

export type Reason =
  | ReasonOf<"roaming_spike", RoamingSpikeEvidence>
  | ReasonOf<"border_flapping", BorderFlappingEvidence>
  | ReasonOf<"always_on", AlwaysOnEvidence>
  | ReasonOf<"volume_multiple", VolumeMultipleEvidence>
  | ReasonOf<"spend_velocity", SpendVelocityEvidence>
  | ReasonOf<"heavy_roaming", HeavyRoamingEvidence>
  | ReasonOf<"peer_outlier", PeerOutlierEvidence>;

/** One line's combined finding: its reasons, strongest first, and their total score. */
export interface LineFinding {
  readonly lineId: string;
  readonly accountId: string;
  readonly score: number;
  readonly reasons: readonly Reason[];
}

/** A person decided this pattern is normal for this line: it is not reported again. */
export interface Dismissal {
  readonly lineId: string;
  readonly code: ReasonCode;
  readonly reason: string;
}

/** A reason that fired but was dismissed: kept so the audit trail shows what was hidden. */
export interface Suppression {
  readonly lineId: string;
  readonly code: ReasonCode;
  readonly since: IsoDate;
  readonly dismissalReason: string;
}
