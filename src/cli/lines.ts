import type { Command } from "commander";
import { UserError } from "../app/index.ts";
import { registerConsent } from "./consent.ts";
import { type GlobalOptions, withApp } from "./context.ts";
import { json, type Output, table } from "./output.ts";

export function registerLines(program: Command, output: Output, globals: () => GlobalOptions): void {
  const cmd = program.command("lines").description("inspect lines");
  registerConsent(cmd, output, globals);
  cmd
    .command("show")
    .description("a line's counters, caps and notices in a period")
    .argument("<line_id>")
    .option("--period <YYYY-MM>", "the period (default: the line's latest with usage)")
    .option("--json", "print as JSON")
    .action(async (lineId: string, opts: { period?: string; json?: boolean }) => {
      const report = await withApp(globals(), (app) => app.line(lineId, opts.period));
      if (opts.json) {
        output.out(json(report));
        return;
      }
      output.out(`line ${report.line_id} (account ${report.account_id}) on ${report.plan_id}, period ${report.period}, policy status ${report.policy_status}`);
      const usage = [["service", "zone", "quantity", "billed"]];
      for (const [service, zones] of Object.entries(report.usage)) {
        for (const [zone, v] of Object.entries(zones)) usage.push([service, zone, String(v.quantity), v.spend]);
      }
      output.out(`\nusage\n${table(usage, [2, 3])}`);
      const allowances = [["allowance", "used", "included", "%"], ...report.allowances.map((a) => [a.id, String(a.used), String(a.amount), String(a.percent)])];
      output.out(`\nallowances\n${table(allowances, [1, 2, 3])}`);
      const caps = [
        ["cap", "measure", "used", "limit", "action", "state"],
        ...report.caps.map((c) => [c.id, c.measure, c.used, c.limit ?? "opted out", c.action, c.state]),
      ];
      output.out(`\ncaps\n${table(caps, [2, 3])}`);
      const notices = [["notice", "status", "at"], ...report.notices.map((n) => [n.kind, n.status, n.created_at])];
      output.out(`\nnotices\n${report.notices.length ? table(notices) : "none"}`);
    });
}

export function registerRejects(program: Command, output: Output, globals: () => GlobalOptions): void {
  program
    .command("rejects")
    .description("records refused at import, with their codes")
    .option("--source <name>", "only those of one imported file")
    .option("--limit <n>", "at most this many", "100")
    .option("--json", "print as JSON")
    .action(async (opts: { source?: string; limit: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UserError("invalid_option", "--limit must be a whole number ≥ 1");
      const rows = await withApp(globals(), (app) => app.store.listRejects(opts.source, limit));
      if (opts.json) {
        output.out(
          json(rows.map((r) => ({ source: r.source, line_no: r.lineNo, record_id: r.recordId ?? null, code: r.code, message: r.message, raw: r.raw }))),
        );
        return;
      }
      output.out(
        rows.length
          ? table([["source", "line", "code", "message"], ...rows.map((r) => [r.source, String(r.lineNo), r.code, r.message])])
          : "no rejected records",
      );
    });
}
