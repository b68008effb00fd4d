import Fastify, { type FastifyInstance } from "fastify";
import type { App } from "../app/index.ts";
import type { DemoReport } from "../demo/index.ts";
import { sendProblem } from "./problem.ts";
import { billingRoutes } from "./routes/billing.ts";
import { demoRoutes } from "./routes/demo.ts";
import { linesRoutes } from "./routes/lines.ts";
import { noticeRoutes } from "./routes/notices.ts";
import { usageRoutes } from "./routes/usage.ts";

export interface ServerOptions {
  readonly logger?: boolean;
  /** Computes (once) the demo report served at /api/v1/demo. */
  readonly demoReport?: () => Promise<DemoReport>;
}

const TEXT_TYPES = ["text/csv", "text/plain", "application/x-ndjson", "application/jsonl", "application/x-jsonlines"];

/**
 * The HTTP API. Routes are thin: they validate the request, call the App facade and map its
 * coded errors to problem+json. Each group of routes is one file of routes/, registered here.
 */
export function buildServer(app: App, options: ServerOptions = {}): FastifyInstance {
  const server = Fastify({ logger: options.logger ?? false, bodyLimit: 256 * 1024 * 1024 });
  server.addContentTypeParser(TEXT_TYPES, { parseAs: "string" }, (_req, body, done) => done(null, body));
  server.setErrorHandler((error, _req, reply) => sendProblem(reply, error));

  server.get("/health", async () => ({ status: "ok", store: app.store.kind, catalog: app.catalog.id, lines: app.engine.lines.size }));

  linesRoutes(server, app);
  usageRoutes(server, app);
  billingRoutes(server, app);
  noticeRoutes(server, app);
  demoRoutes(server, options.demoReport);
  return server;
}
