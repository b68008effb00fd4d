import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { simulationCsv, UserError } from "../app/index.ts";
import { type GlobalOptions, withApp } from "./context.ts";
import { json, type Output, table } from "./output.ts";
import { actorOf } from "./review-output.ts";

interface SegmentOptions {
  from?: string;
  to: string;
  lines?: string;
  accounts?: string;
}

const list = (text: string | undefined) =>
  text
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(",").map((s) => s.trim())];

function segment(cmd: Command): Command {
  return cmd
    .option("--from <plan_id>", "the lines now on this plan")
    .requiredOption("--to <plan_id>", "the target plan")
    .option("--lines <ids>", "only these lines (comma-separated)")
    .option("--accounts <ids>", "only the lines of these accounts (comma-separated)");
}

/** `simulate` (re-rate a segment's past usage under another plan, no side effect) and `migrate`. */
export function registerMigration(program: Command, output: Output, globals: () => GlobalOptions): void {
  segment(program.command("simulate"))
    .description("re-rate a segment's recorded usage under another plan: old and new totals per line, who would pay more (nothing is written)")
    .requiredOption("--period <YYYY-MM>", "a period to re-rate (repeat or comma-separate for several)", collect)
    .option("--json", "print as JSON")
    .option("--csv <file>", "also write the per-line table as CSV")
    .action(async (opts: SegmentOptions & { period: string[]; json?: boolean; csv?: string }) => {
      const view = await withApp(globals(), (app) =>
        app.review.simulate({ from: opts.from, to: opts.to, lines: list(opts.lines), accounts: list(opts.accounts), periods: opts.period }),
      );
      if (opts.csv) {
        try {
          writeFileSync(opts.csv, simulationCsv(view));
        } catch (error) {
          throw new UserError("file_unwritable", `cannot write ${opts.csv}: ${(error as NodeJS.ErrnoException).code ?? ""}`);
        }
      }
      if (opts.json) return output.out(json(view));
      const t = view.totals;
      output.out(
        table(
          [
            ["", "lines", "old total", "new total", "delta", "paying more", "paying less", "unchanged"],
            [
              `${view.from ?? "segment"} → ${view.to}`,
              String(t.lines),
              t.old_total_excl_tax,
              t.new_total_excl_tax,
              t.delta,
              String(t.paying_more),
              String(t.paying_less),
              String(t.unchanged),
            ],
          ],
          [1, 2, 3, 4, 5, 6, 7],
        ),
      );
      if (view.who_pays_more.length > 0) {
        output.out(`\nwho would pay more\n${table([["line", "account", "delta"], ...view.who_pays_more.map((w) => [w.line_id, w.account_id, w.delta])], [2])}`);
      }
    });

  segment(program.command("migrate"))
    .description("move a segment to another plan from a period on, at the cycle boundary, and notify each line with its own before/after")
    .requiredOption("--at <YYYY-MM>", "the first period on the new plan")
    .option("--period <YYYY-MM>", "periods for each line's before/after figures (default: the one before --at)", collect)
    .option("--actor <name>", "who decides (default: $USER)")
    .option("--json", "print as JSON")
    .action(async (opts: SegmentOptions & { at: string; period?: string[]; actor?: string; json?: boolean }) => {
      const result = await withApp(globals(), (app) =>
        app.review.migrate({
          from: opts.from,
          to: opts.to,
          lines: list(opts.lines),
          accounts: list(opts.accounts),
          at: opts.at,
          periods: opts.period,
          actor: actorOf(opts),
        }),
      );
      if (opts.json) return output.out(json(result));
      output.out(
        `${result.lines} line(s) move to ${result.to} from ${result.effective_period}: applied ${result.applies_when}; ` +
          `${result.notices} notice(s) in the outbox; ${result.paying_more} would have paid more in ${result.reference_periods.join(", ")}`,
      );
    });
}
