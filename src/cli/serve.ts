import type { Command } from "commander";
import { UserError } from "../app/index.ts";
import { DEFAULT_RPC_PREFIX } from "../app/rpc/protocol.ts";
import type { GlobalOptions } from "./context.ts";
import { type DiameterFlags, diameterOptions } from "./diameter-options.ts";
import { describeNotify, type NotifyFlags, notifyOptions } from "./notify-options.ts";
import type { Output } from "./output.ts";

export function registerServe(program: Command, output: Output, globals: () => GlobalOptions): void {
  program
    .command("serve")
    .description("run the HTTP API (and, when configured, the network interfaces) on the store")
    .option("--http-port <port>", "HTTP port", "8080")
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option("--demo", "load the demo data (the 2009 segment, October 2009 closed) when the store is empty")
    .option("--diameter-port <port>", "Diameter port for Gy online charging and Sy (0 turns it off)", "3868")
    .option("--origin-host <fqdn>", "our Diameter Origin-Host", "ocs.garde-fou.local")
    .option("--origin-realm <realm>", "our Diameter Origin-Realm", "garde-fou.local")
    .option("--consent-url <url>", "redirect subscribers there at a cut-off (Final-Unit-Action REDIRECT) instead of TERMINATE")
    .option("--smpp <url>", "send SMS notices through an SMSC: smpp://system_id:password@host:port?source=… (default: the log channel)")
    .option("--smtp <url>", "send e-mail notices through a relay: smtp://host:port?from=…")
    .option("--webhook <url>", "POST every notice, HMAC-signed, to this URL")
    .option("--webhook-secret <secret>", "the webhook's signing key (or GARDEFOU_WEBHOOK_SECRET)")
    .option("--self-care-url <url>", "the link notices give to consent or change a limit")
    .option("--quiet-hours <HH:MM-HH:MM>", "hold non-urgent notices in this window, catalog time zone (a cut-off always goes)")
    .option("--no-notices", "send no notices (they wait in the outbox)")
    .option(
      "--engines <nats-url>",
      "be a front end of partitioned engines (postgres:// store): forward each line's Gy requests, views and settings to its partition's owner over NATS",
    )
    .option("--rpc-prefix <subject>", "with --engines: the engines' request subjects <prefix>.<partition>", DEFAULT_RPC_PREFIX)
    .action(async (opts: { httpPort: string; host: string; demo?: boolean; engines?: string; rpcPrefix: string } & DiameterFlags & NotifyFlags) => {
      const port = Number(opts.httpPort);
      if (!Number.isInteger(port) || port < 0 || port > 65_535)
        throw new UserError("invalid_option", `--http-port must be a port number, not "${opts.httpPort}"`);
      const { serve } = await import("../api/serve.ts");
      const diameter = diameterOptions(opts);
      const notify = notifyOptions(opts);
      output.err(describeNotify(notify));
      if (opts.engines && opts.demo)
        throw new UserError("invalid_option", "--demo loads usage, which a front end (--engines) does not charge: load it through the engines");
      const engines = opts.engines ? { servers: opts.engines, prefix: opts.rpcPrefix } : undefined;
      await serve({ ...globals(), httpPort: port, host: opts.host, demo: opts.demo === true, diameter, notify, engines }, (line) => output.err(line));
    });
}
