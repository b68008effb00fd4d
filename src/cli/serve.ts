import type { Command } from "commander";
import { UserError } from "../app/index.ts";
import type { GlobalOptions } from "./context.ts";
import type { Output } from "./output.ts";

export function registerServe(program: Command, output: Output, globals: () => GlobalOptions): void {
  program
    .command("serve")
    .description("run the HTTP API (and, when configured, the network interfaces) on the store")
    .option("--http-port <port>", "HTTP port", "8080")
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option("--demo", "load the demo data (the 2009 segment, October 2009 closed) when the store is empty")
    .action(async (opts: { httpPort: string; host: string; demo?: boolean }) => {
      const port = Number(opts.httpPort);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UserError("invalid_option", `--http-port must be a port number, not "${opts.httpPort}"`);
      const { serve } = await import("../api/serve.ts");
      await serve({ ...globals(), httpPort: port, host: opts.host, demo: opts.demo === true }, (line) => output.err(line));
    });
}
