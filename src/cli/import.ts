import type { Command } from "commander";
import { fileSize } from "../ingest/index.ts";
import { type GlobalOptions, withApp } from "./context.ts";
import { json, type Output, progressBar } from "./output.ts";

export function registerImport(program: Command, output: Output, globals: () => GlobalOptions): void {
  const cmd = program.command("import").description("load lines or usage records into the store");
  cmd
    .command("lines")
    .description("load a lines file (CSV or JSON Lines); refused whole, with every problem listed, if any line is wrong")
    .argument("<file>", "lines.csv or lines.jsonl")
    .option("--json", "print the result as JSON")
    .action(async (file: string, opts: { json?: boolean }) => {
      const result = await withApp(globals(), (app) => app.importLinesFile(file));
      for (const w of result.warnings) output.err(`warning: ${w}`);
      output.out(opts.json ? json(result) : `${result.lines} line(s) loaded`);
    });
  cmd
    .command("usage")
    .description("rate and guard usage records (CSV or JSON Lines, by extension); bad records are rejected with a code and kept")
    .argument("<file>", "usage.csv, usage.jsonl or usage.ndjson")
    .option("--json", "print the report as JSON")
    .option("--rejects <file>", "where to keep rejected records (default: <file>.rejects.csv)")
    .action(async (file: string, opts: { json?: boolean; rejects?: string }) => {
      const report = await withApp(globals(), async (app) => {
        let total = 0;
        try {
          total = fileSize(file);
        } catch {
          // importUsageFile reports the missing file with its own code
        }
        const bar = progressBar(output, total);
        try {
          return await app.importUsageFile(file, { ...(opts.rejects ? { rejectsFile: opts.rejects } : {}), onProgress: bar });
        } finally {
          bar.done();
        }
      });
      for (const w of report.warnings) output.err(`warning: ${w}`);
      if (opts.json) {
        output.out(
          json({
            read: report.read,
            accepted: report.accepted,
            duplicates: report.duplicates,
            rejected: report.rejected,
            rejects_file: report.rejects_file,
            import_id: report.import_id,
          }),
        );
      } else {
        output.out(`read ${report.read}: accepted ${report.accepted}, duplicates ${report.duplicates}, rejected ${report.rejected}`);
        if (report.rejects_file) output.out(`rejected records kept in ${report.rejects_file} and in the store (gardefou rejects)`);
      }
    });
}
