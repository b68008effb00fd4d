/** One evaluation run: generate a seeded population, detect, score against the planted truth. */
import { type DetectionOptions, detectAnomalies, type LineFinding, type Locale } from "../../src/domain/anomaly/index.ts";
import type { Label } from "./labels.ts";
import { type Evaluation, evaluate } from "./metrics.ts";
import { MIXED } from "./params.ts";
import { generatePopulation } from "./population.ts";
import { generateSegment2009 } from "./segment-2009.ts";

export const PROFILES = ["mixed", "segment-2009"] as const;
export type Profile = (typeof PROFILES)[number];

export interface RunResult {
  readonly findings: readonly LineFinding[];
  readonly labels: ReadonlyMap<string, Label>;
  readonly evaluation: Evaluation;
}

export function runOnce(profile: Profile, seed: number, lines: number, locale: Locale = "en", options?: DetectionOptions): RunResult {
  const population = profile === "mixed" ? generatePopulation(MIXED, seed, lines) : generateSegment2009(seed, lines);
  const report = detectAnomalies({ lines: population.lines, locale, ...(options === undefined ? {} : { options }) });
  if (report.problems.length > 0) {
    // The generator must produce valid input; if it does not, the figures would mean nothing.
    throw new Error(`generated input rejected: ${JSON.stringify(report.problems.slice(0, 3))}`);
  }
  return {
    findings: report.findings,
    labels: population.labels,
    evaluation: evaluate(report.findings, population.labels),
  };
}
