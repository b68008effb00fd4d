/** What the simulation planted on each line: the ground truth the detectors are scored against. */
import type { ReasonCode } from "../../src/domain/anomaly/index.ts";

/** Patterns that look unusual at first sight but are normal: each one targets a detector. */
export const HARD_NEGATIVE_KINDS = ["heavy_steady", "traveller_eu", "new_line", "border_resident"] as const;
export type HardNegativeKind = (typeof HARD_NEGATIVE_KINDS)[number];

export type Label =
  /** `story` names a reconstructed real case ("valenciennes", "physician"). */
  | { readonly group: "anomaly"; readonly kind: ReasonCode; readonly story?: string }
  | { readonly group: "hard_negative"; readonly kind: HardNegativeKind }
  | { readonly group: "normal" };

export const NORMAL: Label = { group: "normal" };
