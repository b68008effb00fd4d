import type { Command } from "commander";
import type { App, CaseView } from "../app/index.ts";
import { type GlobalOptions, withApp } from "./context.ts";
import { json, type Output } from "./output.ts";
import { actorOf, caseSummary } from "./review-output.ts";

interface Common {
  actor?: string;
  json?: boolean;
  reason?: string;
}

/** The reviewer's decisions, each one transaction recorded with who (--actor), when and why. */
export function registerReviewActions(cmd: Command, output: Output, globals: () => GlobalOptions): void {
  const action = (name: string, description: string) =>
    cmd
      .command(name)
      .description(description)
      .argument("<invoice_id>")
      .option("--actor <name>", "who decides (default: $USER)")
      .option("--json", "print the invoice's review state as JSON");
  const run = async (opts: Common, work: (app: App, actor: string) => Promise<CaseView>) => {
    const view = await withApp(globals(), (app) => work(app, actorOf(opts)));
    output.out(opts.json ? json(view) : caseSummary(view));
  };

  action("release", "approve and issue a held invoice")
    .option("--reason <text>", "why it may go out")
    .action((id: string, o: Common) => run(o, (app, actor) => app.review.release(id, o.reason, actor)));
  action("void", "void an invoice that was never issued")
    .option("--reason <text>", "why")
    .action((id: string, o: Common) => run(o, (app, actor) => app.review.void(id, o.reason, actor)));
  action("credit", "write a credit note: an amount or whole invoice lines")
    .option("--amount <decimal>", "the amount excl. VAT, e.g. 12.34")
    .option("--lines <numbers>", "invoice line numbers as in `review show`, e.g. 2,3")
    .option("--code <code>", "goodwill, billing_error, dispute or other", "goodwill")
    .option("--reason <text>", "why the customer is credited")
    .action((id: string, o: Common & { amount?: string; lines?: string; code: string }) =>
      run(o, (app, actor) =>
        app.review.credit(id, { amount: o.amount, lines: o.lines?.split(",").map((n) => Number(n.trim())), code: o.code, reason: o.reason }, actor),
      ),
    );
  action("rerate", "re-rate the period under another plan and credit the difference")
    .requiredOption("--plan <plan_id>", "the plan the customer should have had")
    .option("--reason <text>", "why (default: the old and new totals)")
    .action((id: string, o: Common & { plan: string }) => run(o, (app, actor) => app.review.rerate(id, o.plan, o.reason, actor)));
  action("waive", "credit what is over a cap: the line's spend caps, or --cap for the whole invoice")
    .option("--cap <decimal>", "keep at most this much of the invoice, excl. VAT")
    .option("--reason <text>", "why")
    .action((id: string, o: Common & { cap?: string }) => run(o, (app, actor) => app.review.waive(id, o.cap, o.reason, actor)));
  action("plan", "a payment plan: N monthly instalments summing exactly to the balance incl. VAT")
    .requiredOption("--instalments <n>", "how many")
    .option("--first-due <YYYY-MM-DD>", "the first due date (default: in 30 days)")
    .option("--amounts <list>", "the instalments' amounts, e.g. 30.00,29.80 (default: equal, the odd cents first)")
    .action((id: string, o: Common & { instalments: string; firstDue?: string; amounts?: string }) =>
      run(o, (app, actor) =>
        app.review.paymentPlan(id, { instalments: Number(o.instalments), firstDue: o.firstDue, amounts: o.amounts?.split(",").map((a) => a.trim()) }, actor),
      ),
    );
  action("contact", "record a call to the customer and how it went")
    .requiredOption("--outcome <outcome>", "reached, message_left, agreed or disputed")
    .option("--note <text>", "what was said")
    .action((id: string, o: Common & { outcome: string; note?: string }) =>
      run(o, (app, actor) => app.review.contact(id, { outcome: o.outcome, note: o.note }, actor)),
    );
}
