import type { Command } from "commander";
import { type FindingsReport, UserError } from "../app/index.ts";
import { type GlobalOptions, withApp } from "./context.ts";
import { json, type Output, table } from "./output.ts";

type Locale = "fr" | "en";

function localeOf(text: string | undefined): Locale {
  if (text === undefined || text === "en" || text === "fr") return text ?? "en";
  throw new UserError("invalid_locale", `--locale must be fr or en, not "${text}"`);
}

function topOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new UserError("invalid_top", `--top must be a whole number ≥ 1, not "${text}"`);
  return n;
}

/** One row per reason: a person reads down the list and acts on each message. */
function findingsTable(report: FindingsReport): string {
  const rows = [["#", "score", "line", "account", "reason", "message"]];
  for (const [i, f] of report.findings.entries()) {
    for (const [k, r] of f.reasons.entries()) {
      rows.push(k === 0 ? [String(i + 1), f.score.toFixed(1), f.line_id, f.account_id, r.code, r.message] : ["", "", "", "", r.code, r.message]);
    }
  }
  return table(rows, [0, 1]);
}

/** `--json` given after a subcommand is read by `anomalies` itself, which has the same option. */
function asJson(opts: { json?: boolean }, cmd: Command): boolean {
  return opts.json === true || cmd.opts<{ json?: boolean }>().json === true;
}

/** `gardefou anomalies …`: who to call before the invoice goes out, and the false positives remembered. */
export function registerAnomalies(program: Command, output: Output, globals: () => GlobalOptions): void {
  const cmd = program
    .command("anomalies")
    .description("lines whose consumption departs from their own past or their peers, ranked by score, with a reason to act on")
    .option("--period <YYYY-MM>", "the billing period to scan")
    .option("--json", "print the anomaly findings JSON (docs/formats.md)")
    .option("--locale <fr|en>", "language of the messages", "en")
    .option("--top <n>", "only the n highest scores")
    .action(async (opts: { period?: string; json?: boolean; locale?: string; top?: string }) => {
      if (opts.period === undefined) throw new UserError("period_required", "say which period to scan: --period YYYY-MM");
      const options = { locale: localeOf(opts.locale), ...(opts.top === undefined ? {} : { top: topOf(opts.top) as number }) };
      const report = await withApp(globals(), (app) => app.anomalies.findings(opts.period as string, options));
      for (const p of report.problems) output.err(`line ${p.lineId}${p.date ? ` ${p.date}` : ""}: ${p.code}: ${p.message}`);
      if (opts.json) return output.out(json(report.findings));
      if (report.findings.length === 0) output.out(`no abnormal consumption in ${opts.period}`);
      else output.out(findingsTable(report));
      if (report.suppressed.length > 0) output.out(`\n${report.suppressed.length} reason(s) not shown: dismissed earlier (gardefou anomalies dismissals)`);
    });

  cmd
    .command("dismiss")
    .description("remember that a pattern is normal for a line: that reason code is not reported on it again")
    .argument("<line_id>")
    .requiredOption("--code <code>", "the reason code to dismiss (e.g. border_flapping)")
    .requiredOption("--reason <text>", "why it is normal: kept with who and when")
    .option("--actor <name>", "who decides (default: $USER)")
    .option("--json", "print the dismissal as JSON")
    .action(async (lineId: string, opts: { code: string; reason: string; actor?: string; json?: boolean }) => {
      const actor = opts.actor ?? process.env.USER ?? "cli";
      const d = await withApp(globals(), (app) => app.anomalies.dismiss(lineId, opts.code, opts.reason, actor));
      output.out(asJson(opts, cmd) ? json(d) : `${d.code} dismissed on line ${d.line_id} by ${d.actor} at ${d.at}: ${d.reason}`);
    });

  cmd
    .command("dismissals")
    .description("every remembered false positive, with who, when and why")
    .option("--line <line_id>", "only those of one line")
    .option("--json", "print as JSON")
    .action(async (opts: { line?: string; json?: boolean }) => {
      const list = await withApp(globals(), (app) => app.anomalies.dismissals(opts.line));
      if (asJson(opts, cmd)) return output.out(json(list));
      if (list.length === 0) return output.out("no dismissals");
      output.out(table([["line", "code", "by", "at", "why"], ...list.map((d) => [d.line_id, d.code, d.actor, d.at, d.reason])]));
    });
}
