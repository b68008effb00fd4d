import type { Command } from "commander";
import { type App, UserError } from "../app/index.ts";
import { ROLES } from "../store/index.ts";
import { type GlobalOptions, withApp } from "./context.ts";
import { json, type Output, table } from "./output.ts";

/** Who ran the command, as the audit log names a person at the console. */
function operator(): string {
  return `cli:${process.env.USER ?? process.env.USERNAME ?? "unknown"}`;
}

async function audit(app: App, action: string, target: string, detail: Record<string, unknown>): Promise<void> {
  await app.auth.appendAudit({
    at: new Date(app.clock.now()).toISOString(),
    actor: operator(),
    role: "cli",
    action,
    target,
    status: 0,
    requestId: undefined,
    detail: JSON.stringify(detail),
  });
}

export function registerTokens(program: Command, output: Output, globals: () => GlobalOptions): void {
  const cmd = program.command("tokens").description("API tokens: create (the secret is printed once), list, revoke");
  cmd
    .command("create")
    .description("create a token and print it alone on stdout (only its SHA-256 is stored)")
    .requiredOption("--role <role>", `one of ${ROLES.join(", ")}`)
    .option("--account <id>", "for a customer token: the account whose lines it may see and change")
    .option("--name <name>", "who or what will use it (shown in the audit log)")
    .action(async (opts: { role: string; account?: string; name?: string }) => {
      const token = await withApp(globals(), async (app) => {
        const created = await app.createToken({ role: opts.role, accountId: opts.account, name: opts.name }, operator());
        await audit(app, "tokens create", `token ${created.row.tokenId}`, { role: created.row.role, account_id: created.row.accountId ?? null });
        output.err(`token ${created.row.tokenId} (${created.row.role}${created.row.accountId ? `, account ${created.row.accountId}` : ""}) created`);
        return created.token;
      });
      output.out(token);
    });
  cmd
    .command("list")
    .description("every token, never its secret")
    .option("--json", "print as JSON")
    .action(async (opts: { json?: boolean }) => {
      const rows = await withApp(globals(), (app) => app.auth.listTokens());
      if (opts.json) {
        output.out(json(rows.map(({ tokenHash: _secretDigest, ...r }) => r)));
        return;
      }
      const lines = [["token", "role", "account", "name", "created", "revoked"]];
      for (const r of rows) lines.push([r.tokenId, r.role, r.accountId ?? "", r.name, r.createdAt, r.revokedAt ?? ""]);
      output.out(rows.length ? table(lines) : "no tokens");
    });
  cmd
    .command("revoke")
    .description("revoke a token at once")
    .argument("<token_id>")
    .action(async (tokenId: string) => {
      await withApp(globals(), async (app) => {
        if (!(await app.auth.revokeToken(tokenId, new Date(app.clock.now()).toISOString()))) {
          throw new UserError("unknown_token", `no active token ${tokenId}`);
        }
        await audit(app, "tokens revoke", `token ${tokenId}`, {});
      });
      output.out(`token ${tokenId} revoked`);
    });
}
