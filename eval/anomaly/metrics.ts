/**
 * Precision and recall against the planted truth.
 *
 * - recall(kind): planted lines of that kind whose finding carries that kind's code. The right
 *   detector must fire, not merely any detector.
 * - precision(kind): lines carrying that code that are planted anomalies of any kind. A roaming
 *   spike billed at roaming prices is also a spend surge; that second reason is true, not a false
 *   alarm. `strict_precision` (the planted kind is that kind) is reported beside it.
 * - overall: a line is flagged when it has any reason; it is right when it is a planted anomaly.
 *
 * A ratio with nothing to count (no line flagged) is null rather than a made-up 0 or 1.
 */
import { type LineFinding, REASON_CODES, type ReasonCode } from "../../src/domain/anomaly/index.ts";
import { HARD_NEGATIVE_KINDS, type HardNegativeKind, type Label } from "./labels.ts";

export interface KindMetrics {
  readonly kind: ReasonCode;
  readonly planted: number;
  readonly recalled: number;
  readonly flagged: number;
  readonly correct: number;
  readonly correctStrict: number;
  readonly precision: number | null;
  readonly strictPrecision: number | null;
  readonly recall: number | null;
}

export interface OverallMetrics {
  readonly lines: number;
  readonly planted: number;
  readonly flagged: number;
  readonly truePositives: number;
  readonly precision: number | null;
  readonly recall: number | null;
}

export interface NegativeMetrics {
  readonly kind: HardNegativeKind | "normal";
  readonly lines: number;
  readonly flagged: number;
}

export interface Evaluation {
  readonly perKind: readonly KindMetrics[];
  readonly overall: OverallMetrics;
  readonly negatives: readonly NegativeMetrics[];
}

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

export function evaluate(findings: readonly LineFinding[], labels: ReadonlyMap<string, Label>): Evaluation {
  const codesOf = new Map(findings.map((f) => [f.lineId, new Set(f.reasons.map((r) => r.code))]));
  const all = [...labels];
  const anomalies = all.filter(([, l]) => l.group === "anomaly");
  const perKind = REASON_CODES.map((kind): KindMetrics => {
    const planted = anomalies.filter(([, l]) => l.group === "anomaly" && l.kind === kind);
    const recalled = planted.filter(([id]) => codesOf.get(id)?.has(kind) === true).length;
    const flaggedIds = [...codesOf].filter(([, codes]) => codes.has(kind)).map(([id]) => id);
    const correct = flaggedIds.filter((id) => labels.get(id)?.group === "anomaly").length;
    const correctStrict = flaggedIds.filter((id) => {
      const l = labels.get(id);
      return l?.group === "anomaly" && l.kind === kind;
    }).length;
    return {
      kind,
      planted: planted.length,
      recalled,
      flagged: flaggedIds.length,
      correct,
      correctStrict,
      precision: ratio(correct, flaggedIds.length),
      strictPrecision: ratio(correctStrict, flaggedIds.length),
      recall: ratio(recalled, planted.length),
    };
  });
  const truePositives = anomalies.filter(([id]) => codesOf.has(id)).length;
  const overall: OverallMetrics = {
    lines: labels.size,
    planted: anomalies.length,
    flagged: codesOf.size,
    truePositives,
    precision: ratio(truePositives, codesOf.size),
    recall: ratio(truePositives, anomalies.length),
  };
  const negativeKinds: (HardNegativeKind | "normal")[] = [...HARD_NEGATIVE_KINDS, "normal"];
  const negatives = negativeKinds.map((kind): NegativeMetrics => {
    const lines = all.filter(([, l]) => (l.group === "normal" ? kind === "normal" : l.group === "hard_negative" && l.kind === kind));
    return { kind, lines: lines.length, flagged: lines.filter(([id]) => codesOf.has(id)).length };
  });
  return { perKind, overall, negatives };
}

/** Seeds pooled: counts added up, ratios recomputed (not an average of ratios). */
export function pool(evaluations: readonly Evaluation[]): Evaluation {
  const perKind = REASON_CODES.map((kind): KindMetrics => {
    const ks = evaluations.map((e) => e.perKind.find((k) => k.kind === kind)).filter((k) => k !== undefined);
    const add = (pick: (k: KindMetrics) => number): number => ks.reduce((s, k) => s + pick(k), 0);
    const planted = add((k) => k.planted);
    const recalled = add((k) => k.recalled);
    const flagged = add((k) => k.flagged);
    const correct = add((k) => k.correct);
    const correctStrict = add((k) => k.correctStrict);
    return {
      kind,
      planted,
      recalled,
      flagged,
      correct,
      correctStrict,
      precision: ratio(correct, flagged),
      strictPrecision: ratio(correctStrict, flagged),
      recall: ratio(recalled, planted),
    };
  });
  const sum = (pick: (o: OverallMetrics) => number): number => evaluations.reduce((s, e) => s + pick(e.overall), 0);
  const planted = sum((o) => o.planted);
  const flagged = sum((o) => o.flagged);
  const truePositives = sum((o) => o.truePositives);
  const overall: OverallMetrics = {
    lines: sum((o) => o.lines),
    planted,
    flagged,
    truePositives,
    precision: ratio(truePositives, flagged),
    recall: ratio(truePositives, planted),
  };
  const negatives = (evaluations[0]?.negatives ?? []).map((n): NegativeMetrics => {
    const all = evaluations.map((e) => e.negatives.find((x) => x.kind === n.kind));
    return {
      kind: n.kind,
      lines: all.reduce((s, x) => s + (x?.lines ?? 0), 0),
      flagged: all.reduce((s, x) => s + (x?.flagged ?? 0), 0),
    };
  });
  return { perKind, overall, negatives };
}
