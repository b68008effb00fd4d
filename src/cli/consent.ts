import type { Command } from "commander";
import { type GlobalOptions, withApp } from "./context.ts";
import { json, type Output } from "./output.ts";

/** `gardefou lines consent LINE --cap CAP`: an adviser records a customer's consent to continue past a cut-off. */
export function registerConsent(lines: Command, output: Output, globals: () => GlobalOptions): void {
  lines
    .command("consent")
    .description("record a customer's consent to continue past a cut-off for the rest of the period (re-arms its warnings, confirms by notice)")
    .argument("<line_id>")
    .requiredOption("--cap <cap_id>", "the blocking cap, e.g. eu-roaming-data")
    .option("--period <YYYY-MM>", "the period (default: the current one)")
    .option("--json", "print as JSON")
    .action(async (lineId: string, flags: { cap: string; period?: string; json?: boolean }) => {
      const actor = process.env.USER ?? "cli";
      const outcome = await withApp(globals(), (app) => app.consent(lineId, flags.cap, actor, "cli", flags.period));
      const c = outcome.consent;
      if (flags.json) {
        output.out(
          json({
            line_id: c.lineId,
            cap_id: c.capId,
            period: c.period,
            at: c.at,
            actor: c.actor,
            channel: c.channel,
            recorded: outcome.recorded,
            notice_id: outcome.noticeId,
          }),
        );
        return;
      }
      output.out(
        outcome.recorded
          ? `consent recorded: line ${c.lineId} may pass ${c.capId} until the end of ${c.period} (by ${c.actor}); confirmation notice ${outcome.noticeId}`
          : `line ${c.lineId} had already consented to pass ${c.capId} in ${c.period}; nothing changed`,
      );
    });
}
