/**
 * Episodes: what departs from a line's habits on given days of a month (day numbers 1..31).
 * Planted anomalies and hard negatives are all expressed as episodes, so the same synthesis
 * produces both and nothing but the episode tells them apart.
 */

export interface Spike {
  readonly day: number;
  readonly factor: number;
}

export type Episode =
  /** Away on a foreign network; the first and last days are split with home when the trip is long. */
  | {
      readonly kind: "trip";
      readonly from: number;
      readonly to: number;
      readonly plmn: string;
      readonly volumeFactor: number;
      readonly spikes: readonly Spike[];
    }
  /** Domestic volume multiplied. */
  | { readonly kind: "surge"; readonly from: number; readonly to: number; readonly factor: number }
  /** Active 23–24 hours a day. */
  | { readonly kind: "always_on"; readonly from: number; readonly to: number; readonly volumeFactor: number }
  /** A neighbour's network takes a share growing from `startShare` to `endShare` over `rampDays`. */
  | {
      readonly kind: "border_drift";
      readonly from: number;
      readonly rampDays: number;
      readonly plmn: string;
      readonly startShare: number;
      readonly endShare: number;
    };

export function isActive(e: Episode, day: number): boolean {
  switch (e.kind) {
    case "border_drift":
      return day >= e.from;
    case "trip":
    case "surge":
    case "always_on":
      return day >= e.from && day <= e.to;
  }
}
