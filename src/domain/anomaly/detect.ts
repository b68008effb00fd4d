/**
 * The batch entry point: every line of a period at once, ranked. Each line goes through exactly
 * the fold the incremental API uses, so a scan at month end and the alerts sent during the month
 * tell the same story.
 */

import { findingOf, openTracker } from "./incremental.ts";
import type { DetectionOptions } from "./options.ts";
import { DEFAULT_OPTIONS } from "./options.ts";
import { computePeerStats, type PeerStats } from "./peers.ts";
import type { Problem } from "./problems.ts";
import { rank } from "./rank.ts";
import type { Dismissal, LineFinding, Locale, Suppression } from "./reasons.ts";
import type { LineInput } from "./types.ts";
import { validateLine } from "./validate.ts";

export interface DetectInput {
  readonly lines: readonly LineInput[];
  /** Defaults to the statistics of the valid lines given: pass them when scanning a subset. */
  readonly peers?: readonly PeerStats[];
  readonly dismissals?: readonly Dismissal[];
  /** Language of the messages; English unless told (findings are read by staff). */
  readonly locale?: Locale;
  readonly options?: DetectionOptions;
}

export interface DetectReport {
  /** Highest score first. */
  readonly findings: readonly LineFinding[];
  readonly suppressed: readonly Suppression[];
  /** Lines with problems are left out of `findings` and listed here, every problem of each. */
  readonly problems: readonly Problem[];
}

export function detectAnomalies(input: DetectInput): DetectReport {
  const problems: Problem[] = [];
  const valid: LineInput[] = [];
  for (const line of input.lines) {
    const found = validateLine(line);
    if (found.length > 0) problems.push(...found);
    else valid.push(line);
  }
  const peers = input.peers ?? computePeerStats(valid);
  const report = { locale: input.locale ?? "en", dismissals: input.dismissals ?? [] };
  const options = input.options ?? DEFAULT_OPTIONS;
  const findings: LineFinding[] = [];
  const suppressed: Suppression[] = [];
  for (const line of valid) {
    const result = findingOf(openTracker(line, peers, options), report);
    if (result.finding !== undefined) findings.push(result.finding);
    suppressed.push(...result.suppressed);
  }
  return { findings: rank(findings), suppressed, problems };
}
