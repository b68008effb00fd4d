/** Prints an evaluation as JSON lines (for scripts) and as a table (for people). */
import type { LineFinding } from "../../src/domain/anomaly/index.ts";
import type { Label } from "./labels.ts";
import type { Evaluation, KindMetrics, NegativeMetrics, OverallMetrics } from "./metrics.ts";

export interface RunInfo {
  readonly profile: string;
  /** A seed, or a description of pooled seeds ("101-105"). */
  readonly seed: string;
}

const r3 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 1000);

export function jsonLines(run: RunInfo, e: Evaluation): string[] {
  const base = { profile: run.profile, seed: run.seed };
  const kinds = e.perKind.map((k) =>
    JSON.stringify({
      ...base,
      kind: k.kind,
      planted: k.planted,
      recalled: k.recalled,
      flagged: k.flagged,
      precision: r3(k.precision),
      strict_precision: r3(k.strictPrecision),
      recall: r3(k.recall),
    }),
  );
  const o = e.overall;
  const overall = JSON.stringify({
    ...base,
    kind: "overall",
    lines: o.lines,
    planted: o.planted,
    flagged: o.flagged,
    true_positives: o.truePositives,
    precision: r3(o.precision),
    recall: r3(o.recall),
  });
  const negatives = e.negatives.map((n) => JSON.stringify({ ...base, negative: n.kind, lines: n.lines, flagged: n.flagged }));
  return [...kinds, overall, ...negatives];
}

const fmt = (x: number | null): string => (x === null ? "  -  " : x.toFixed(3));

function row(cells: readonly (string | number)[], widths: readonly number[]): string {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i] ?? 0) : String(c).padStart(widths[i] ?? 0))).join("  ");
}

export function table(run: RunInfo, e: Evaluation): string {
  const w = [17, 7, 8, 7, 9, 8, 6];
  const head = row(["kind", "planted", "recalled", "flagged", "precision", "strict", "recall"], w);
  const kind = (k: KindMetrics): string => row([k.kind, k.planted, k.recalled, k.flagged, fmt(k.precision), fmt(k.strictPrecision), fmt(k.recall)], w);
  const o: OverallMetrics = e.overall;
  const all = row(["overall (lines)", o.planted, o.truePositives, o.flagged, fmt(o.precision), "", fmt(o.recall)], w);
  const neg = (n: NegativeMetrics): string => `  ${n.kind.padEnd(16)} ${String(n.flagged).padStart(4)} of ${n.lines} flagged`;
  return [
    `profile ${run.profile}, seed ${run.seed}, ${o.lines} lines`,
    head,
    "-".repeat(head.length),
    ...e.perKind.map(kind),
    "-".repeat(head.length),
    all,
    "negatives (false alarms):",
    ...e.negatives.map(neg),
  ].join("\n");
}

/** Where the press cases landed, and the top of the list a person would work from. */
export function storyLines(findings: readonly LineFinding[], labels: ReadonlyMap<string, Label>): string[] {
  const out: string[] = [];
  for (const [lineId, label] of labels) {
    if (label.group !== "anomaly" || label.story === undefined) continue;
    const rank = findings.findIndex((f) => f.lineId === lineId);
    const f = findings[rank];
    out.push(
      JSON.stringify({
        story: label.story,
        line_id: lineId,
        flagged: f !== undefined,
        rank: f === undefined ? null : rank + 1,
        score: f?.score ?? null,
        codes: f?.reasons.map((r) => r.code) ?? [],
        spend_since_eur: f?.reasons.map((r) => r.evidence.spend_since_eur) ?? [],
      }),
    );
  }
  return out;
}
