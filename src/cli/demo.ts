import type { Command } from "commander";
import { UserError } from "../app/index.ts";
import { runDemo } from "../demo/index.ts";
import { json, type Output, table } from "./output.ts";

export function registerDemo(program: Command, output: Output): void {
  program
    .command("demo")
    .description("replay the 2009 story on a fresh temporary store: the two invoices and a 4,000-line segment, unguarded and guarded")
    .option("--json", "print the report as JSON")
    .option("--segment-lines <n>", "lines in the synthetic segment", "4000")
    .option("--seed <n>", "seed of the segment generator", "2009")
    .action(async (opts: { json?: boolean; segmentLines: string; seed: string }) => {
      const lines = Number(opts.segmentLines);
      const seed = Number(opts.seed);
      if (!Number.isInteger(lines) || lines < 2) throw new UserError("invalid_option", "--segment-lines must be a whole number ≥ 2");
      if (!Number.isInteger(seed)) throw new UserError("invalid_option", "--seed must be a whole number");
      const report = await runDemo({ lines, seed });
      if (opts.json) {
        output.out(json(report));
        return;
      }
      const rows = [["case", "unguarded (EUR)", "guarded (EUR)", "plan", "status", "notices"]];
      for (const c of report.cases) {
        const status = c.guarded_hold_reasons.length > 0 ? `${c.guarded_status} (${c.guarded_hold_reasons.join(", ")})` : c.guarded_status;
        rows.push([c.case, c.unguarded_total_excl_tax, c.guarded_total_excl_tax, c.guarded_plan, status, c.notices.map(noticeLabel).join(", ")]);
        if (c.legacy_plan_guarded) {
          const l = c.legacy_plan_guarded;
          rows.push([
            `${c.case} (legacy plan)`,
            c.unguarded_total_excl_tax,
            l.total_excl_tax,
            l.plan,
            `${l.status} (${l.hold_reasons.join(", ")})`,
            l.notices.map(noticeLabel).join(", "),
          ]);
        }
      }
      output.out(`The 2009 story, period ${report.period}, amounts excl. VAT\n\n${table(rows, [1, 2])}`);
      const s = report.segment;
      output.out(
        `\nSegment "3G+ Internet pro everywhere": ${s.lines} lines, ${s.records} usage records, ${s.invoices} invoices (seed ${s.seed})\n` +
          table(
            [
              ["", "total (EUR)", "held for review"],
              ["unguarded 2009", s.total_excl_tax_unguarded, String(s.held_unguarded)],
              ["guarded", s.total_excl_tax_guarded, String(s.held)],
            ],
            [1, 2],
          ),
      );
      output.out(
        `\nAbnormal consumption (gardefou anomalies --period ${report.period}): ${s.flagged} lines to call, among them ${s.flagged_cases.join(" and ") || "neither 2009 case"}`,
      );
    });
}

function noticeLabel(n: { kind: string; threshold?: number; country?: string; code?: string }): string {
  if (n.kind === "roaming_welcome") return `welcome ${n.country ?? ""}`.trim();
  if (n.code !== undefined) return `${n.kind} ${n.code}`;
  return n.threshold !== undefined ? `${n.kind} ${n.threshold}%` : n.kind;
}
