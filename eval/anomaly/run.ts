/**
 * The evaluation CLI.
 *
 *   node --import tsx eval/anomaly/run.ts --seed 101-105 --lines 4000
 *   node --import tsx eval/anomaly/run.ts --profile segment-2009 --seed 101 --top 10
 *
 * --seed      one seed, a range "101-105" or a list "1,2,3" (default 1)
 * --lines     lines per population (default 4000)
 * --profile   mixed | segment-2009 (default mixed)
 * --format    both | jsonl | table (default both)
 * --locale    en | fr, for the messages printed with --top (default en)
 * --top       print the N highest-ranked findings of each seed (default 0)
 *
 * Per seed: JSON lines (one per kind, one "overall", one per negative group, one per press case),
 * then the table. With several seeds, a pooled block (counts summed) follows.
 */
import { runOnce } from "./harness.ts";
import { type Evaluation, pool } from "./metrics.ts";
import { jsonLines, storyLines, table } from "./report.ts";
import { parseRunArgs, type RunArgs } from "./run-args.ts";

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function runSeed(args: RunArgs, seed: number): Evaluation {
  const started = performance.now();
  const result = runOnce(args.profile, seed, args.lines, args.locale);
  const run = { profile: args.profile, seed: String(seed) };
  if (args.format !== "table") {
    for (const l of jsonLines(run, result.evaluation)) out(l);
    for (const l of storyLines(result.findings, result.labels)) out(l);
  }
  if (args.format !== "jsonl") {
    out(table(run, result.evaluation));
    out(`  (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  for (const f of result.findings.slice(0, args.top)) {
    const label = result.labels.get(f.lineId);
    out(`#${f.lineId} score ${f.score} [${label?.group === "anomaly" ? label.kind : label?.group}]`);
    for (const r of f.reasons) out(`  ${r.code} (${r.score}): ${r.message}`);
  }
  return result.evaluation;
}

function main(argv: readonly string[]): number {
  const parsed = parseRunArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n`);
    return 2;
  }
  const args = parsed.value;
  const evaluations = args.seeds.map((seed) => runSeed(args, seed));
  if (evaluations.length > 1) {
    const run = { profile: args.profile, seed: args.seedText };
    const pooled = pool(evaluations);
    if (args.format !== "table") for (const l of jsonLines(run, pooled)) out(l);
    if (args.format !== "jsonl") out(table(run, pooled));
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
