import { Command, CommanderError } from "commander";
import { UserError } from "../app/index.ts";
import { registerAnomalies } from "./anomalies.ts";
import { registerBilling } from "./billing.ts";
import type { GlobalOptions } from "./context.ts";
import { registerDemo } from "./demo.ts";
import { registerEngine } from "./engine.ts";
import { registerImport } from "./import.ts";
import { registerInvoicePdf } from "./invoice-pdf.ts";
import { registerLines, registerRejects } from "./lines.ts";
import { registerMigration } from "./migration.ts";
import { registerNats } from "./nats.ts";
import { registerNotices } from "./notices.ts";
import { type Output, processOutput } from "./output.ts";
import { registerReview } from "./review.ts";
import { registerServe } from "./serve.ts";
import { registerTokens } from "./tokens.ts";

export const DEFAULT_DB = "./gardefou.db";

export function buildProgram(output: Output): Command {
  const program = new Command("gardefou")
    .description("Garde-fou: rates usage as it happens, enforces caps, warns customers and holds shocking invoices")
    .option("--db <file|url>", "the store: a SQLite file, or a postgres:// URL (optional ?schema=name)", DEFAULT_DB)
    .option("--catalog <file>", "a catalog file (YAML or JSON) instead of the bundled default")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => output.out(s.trimEnd()), writeErr: (s) => output.err(s.trimEnd()) });
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  registerImport(program, output, globals);
  registerBilling(program, output, globals);
  registerInvoicePdf(program, output, globals);
  registerReview(program, output, globals);
  registerAnomalies(program, output, globals);
  registerMigration(program, output, globals);
  registerLines(program, output, globals);
  registerRejects(program, output, globals);
  registerNotices(program, output, globals);
  registerDemo(program, output);
  registerServe(program, output, globals);
  registerNats(program, output, globals);
  registerTokens(program, output, globals);
  registerEngine(program, output, globals);
  return program;
}

/** Runs the CLI; returns the exit code. User mistakes print a message, never a stack trace. */
export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  const program = buildProgram(output);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UserError) {
      output.err(`gardefou: ${error.message} [${error.code}]`);
      for (const d of error.details) output.err(`  ${d}`);
      return 1;
    }
    output.err(`gardefou: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 70;
  }
}
