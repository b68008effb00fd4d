import type { Command } from "commander";
import { attemptJson, noticeJson, UserError } from "../app/index.ts";
import { OUTBOX_STATUSES, type OutboxEntry, type OutboxStatus } from "../store/index.ts";
import { type GlobalOptions, withApp } from "./context.ts";
import { json, type Output, table } from "./output.ts";

interface ListFlags {
  status?: string;
  line?: string;
  kind?: string;
  period?: string;
  limit: string;
  json?: boolean;
}

/** `gardefou notices`: the outbox for operators: what went, what waits, what is dead, and replay. */
export function registerNotices(program: Command, output: Output, globals: () => GlobalOptions): void {
  const cmd = program
    .command("notices")
    .description("the notices in the outbox and their delivery state (replay a dead one with `notices replay ID`)")
    .option("--status <status>", `only these: ${OUTBOX_STATUSES.join(", ")}`)
    .option("--line <line_id>", "only this line's")
    .option("--kind <kind>", "only this kind (cap_reached, roaming_welcome, …)")
    .option("--period <YYYY-MM>", "only this period's")
    .option("--limit <n>", "at most this many", "1000")
    .option("--json", "print as JSON")
    .action(async (flags: ListFlags) => {
      if (flags.status !== undefined && !OUTBOX_STATUSES.includes(flags.status as OutboxStatus)) {
        throw new UserError("invalid_status", `--status must be one of ${OUTBOX_STATUSES.join(", ")}`);
      }
      const rows = await withApp(globals(), (app) =>
        app.notices.list({
          status: flags.status as OutboxStatus | undefined,
          lineId: flags.line,
          kind: flags.kind,
          period: flags.period === undefined ? undefined : app.period(flags.period),
          limit: Number(flags.limit) || 1000,
        }),
      );
      output.out(flags.json ? json(rows.map(noticeJson)) : rows.length ? listTable(rows) : "no notices");
    });

  cmd
    .command("show")
    .description("one notice: payload, deliveries and every attempt")
    .argument("<id>")
    .option("--json", "print as JSON")
    .action(async (id: string, flags: { json?: boolean }) => {
      const { entry, attempts } = await withApp(globals(), (app) => app.notices.show(noticeId(id)));
      if (flags.json) {
        output.out(json({ ...noticeJson(entry), history: attempts.map(attemptJson) }));
        return;
      }
      output.out(listTable([entry]));
      const history = [["at", "channel", "outcome", "code", "message"], ...attempts.map((a) => [a.at, a.channel, a.outcome, a.code ?? "", a.message ?? ""])];
      output.out(`\nattempts\n${attempts.length ? table(history) : "none"}`);
    });

  cmd
    .command("replay")
    .description("send a dead (or expired) notice again: back to pending, attempts reset; channels that took it are skipped")
    .argument("<id>")
    .action(async (id: string) => {
      const entry = await withApp(globals(), (app) => app.notices.replay(noticeId(id), process.env.USER ?? "cli"));
      output.out(`notice ${entry.id} (${entry.kind}, line ${entry.lineId}) is pending again; a running server sends it within its sweep`);
    });
}

function listTable(rows: readonly OutboxEntry[]): string {
  return table([
    ["id", "line", "period", "kind", "status", "attempts", "next attempt", "sent via", "last error"],
    ...rows.map((e) => [
      String(e.id),
      e.lineId,
      e.period,
      e.kind + (e.urgent ? " (urgent)" : ""),
      e.status,
      String(e.attempts),
      e.nextAttemptAt ?? "",
      e.deliveries.map((d) => d.channel).join(","),
      e.lastError ?? "",
    ]),
  ]);
}

function noticeId(text: string): number {
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id <= 0) throw new UserError("unknown_notice", `"${text}" is not a notice id`);
  return id;
}
