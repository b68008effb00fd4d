import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { UserError } from "../app/index.ts";
import { type GlobalOptions, withApp } from "./context.ts";
import type { Output } from "./output.ts";

/** `gardefou invoices pdf`: a subcommand of `invoices` (registered after it). */
export function registerInvoicePdf(program: Command, output: Output, globals: () => GlobalOptions): void {
  const invoices = program.commands.find((c) => c.name() === "invoices") ?? program.command("invoices").description("invoices");
  invoices
    .command("pdf")
    .description("the invoice as a PDF: itemised by line, zone and country, with the notices of the period and the caps in force")
    .argument("<invoice_id>")
    .requiredOption("--out <file>", "where to write the PDF")
    .option("--locale <fr|en>", "the language (default: the line's)")
    .action(async (invoiceId: string, opts: { out: string; locale?: string }) => {
      const bytes = await withApp(globals(), (app) => app.review.pdf(invoiceId, opts.locale));
      try {
        writeFileSync(opts.out, bytes);
      } catch (error) {
        throw new UserError("file_unwritable", `cannot write ${opts.out}: ${(error as NodeJS.ErrnoException).code ?? ""}`);
      }
      output.out(`${opts.out}: ${bytes.length} bytes`);
    });
}
