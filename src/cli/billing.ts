import type { Command } from "commander";
import { type GlobalOptions, withApp } from "./context.ts";
import { json, type Output, table } from "./output.ts";

export function registerBilling(program: Command, output: Output, globals: () => GlobalOptions): void {
  program
    .command("close")
    .description(
      "close a billing period: one invoice per account, held for review or issued by the hold rules (with partitioned engines running, close through a front end: POST /api/v1/periods/P/close)",
    )
    .requiredOption("--period <YYYY-MM>", "the period to close")
    .option("--json", "print the invoices as JSON")
    .action(async (opts: { period: string; json?: boolean }) => {
      const invoices = await withApp(globals(), async (app) => {
        await app.closePeriod(opts.period, process.env.USER ?? "cli");
        return app.invoices(opts.period);
      });
      if (opts.json) {
        output.out(json(invoices));
        return;
      }
      const held = invoices.filter((i) => i.status === "held").length;
      output.out(`period ${opts.period} closed: ${invoices.length} invoice(s), ${held} held for review, ${invoices.length - held} issued`);
    });

  program
    .command("invoices")
    .description("list the invoices of a period")
    .option("--period <YYYY-MM>", "the period (default: every period)")
    .option("--json", "print a JSON array of invoices (docs/formats.md)")
    .action(async (opts: { period?: string; json?: boolean }) => {
      const invoices = await withApp(globals(), (app) => app.invoices(opts.period));
      if (opts.json) {
        output.out(json(invoices));
        return;
      }
      if (invoices.length === 0) {
        output.out("no invoices");
        return;
      }
      const rows = [["invoice", "account", "period", "status", "excl. VAT", "incl. VAT", "hold reasons"]];
      for (const i of invoices) {
        rows.push([i.invoice_id, i.account_id, i.period, i.status, i.total_excl_tax, i.total_incl_tax, i.hold_reasons.map((r) => r.code).join(", ")]);
      }
      output.out(table(rows, [4, 5]));
    });
}
