import type { Command } from "commander";
import { type GlobalOptions, withApp } from "./context.ts";
import { json, type Output, table } from "./output.ts";
import { registerReviewActions } from "./review-actions.ts";
import { caseDetail } from "./review-output.ts";

/** `gardefou review …`: the held invoices, their settlement, and the calls to make. */
export function registerReview(program: Command, output: Output, globals: () => GlobalOptions): void {
  const cmd = program.command("review").description("the review desk: held invoices, credit notes, payment plans, the contact queue");
  cmd
    .command("list")
    .description("every held invoice, with its hold reasons and what is still owed")
    .option("--json", "print as JSON")
    .action(async (opts: { json?: boolean }) => {
      const held = await withApp(globals(), (app) => app.review.held());
      if (opts.json) return output.out(json(held));
      if (held.length === 0) return output.out("no invoice is held for review");
      const rows = [["invoice", "account", "period", "total excl. VAT", "balance", "held at", "reasons"]];
      for (const h of held)
        rows.push([h.invoice_id, h.account_id, h.period, h.total_excl_tax, h.balance_excl_tax, h.held_at, h.hold_reasons.map((r) => r.code).join(", ")]);
      output.out(table(rows, [3, 4]));
    });
  cmd
    .command("show")
    .description("an invoice with its numbered lines, credit notes, payment plan, contacts and events")
    .argument("<invoice_id>")
    .option("--json", "print as JSON")
    .action(async (invoiceId: string, opts: { json?: boolean }) => {
      const view = await withApp(globals(), (app) => app.review.show(invoiceId));
      output.out(opts.json ? json(view) : caseDetail(view));
    });
  cmd
    .command("queue")
    .description("who must be called, why and by when (soonest first)")
    .option("--json", "print as JSON")
    .action(async (opts: { json?: boolean }) => {
      const queue = await withApp(globals(), (app) => app.review.queue());
      if (opts.json) return output.out(json(queue));
      if (queue.length === 0) return output.out("nobody to call");
      const rows = [["due by", "", "account", "call", "invoice", "balance", "why"]];
      for (const q of queue) {
        rows.push([q.due_by, q.overdue ? "OVERDUE" : "", q.account_id, q.call.map((c) => `+${c.msisdn}`).join(" "), q.invoice_id, q.balance_excl_tax, q.why]);
      }
      output.out(table(rows, [5]));
    });
  registerReviewActions(cmd, output, globals);
}
