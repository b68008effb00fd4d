import type { FastifyInstance } from "fastify";
import { UserError } from "../../app/index.ts";
import type { DemoReport } from "../../demo/index.ts";

/** The demo report, computed once on first request (only with `serve --demo`). */
export function demoRoutes(server: FastifyInstance, demoReport: (() => Promise<DemoReport>) | undefined): void {
  let demo: Promise<DemoReport> | undefined;
  server.get("/api/v1/demo", async () => {
    if (!demoReport) throw new UserError("not_found", "the demo report is served only with `serve --demo`");
    demo ??= demoReport();
    return demo;
  });
}
