import Fastify, { type FastifyInstance } from "fastify";
import type { App } from "../app/index.ts";
import type { DemoReport } from "../demo/index.ts";
import { type CrossCuttingOptions, installCrossCutting } from "./cross-cutting.ts";
import { type LogLevel, loggerOptions } from "./logging.ts";
import { sendProblem } from "./problem.ts";
import { accessRoutes } from "./routes/access.ts";
import { anomalyRoutes } from "./routes/anomalies.ts";
import { billingRoutes } from "./routes/billing.ts";
import { catalogRoutes } from "./routes/catalog.ts";
import { consentRoutes } from "./routes/consent.ts";
import { demoRoutes } from "./routes/demo.ts";
import { invoicePdfRoutes } from "./routes/invoice-pdf.ts";
import { linesRoutes } from "./routes/lines.ts";
import { meRoutes } from "./routes/me.ts";
import { migrationRoutes } from "./routes/migration.ts";
import { noticeRoutes } from "./routes/notices.ts";
import { policyRoutes } from "./routes/policy.ts";
import { reviewRoutes } from "./routes/review.ts";
import { reviewSettleRoutes } from "./routes/review-settle.ts";
import { roamingLimitRoutes } from "./routes/roaming-limit.ts";
import { seriesRoutes } from "./routes/series.ts";
import { usageRoutes } from "./routes/usage.ts";

export interface ServerOptions extends CrossCuttingOptions {
  readonly logger?: boolean;
  /** Structured request logs at this level (IMSIs and MSISDNs masked: logging.ts). */
  readonly logLevel?: LogLevel | undefined;
  readonly logStream?: { write(line: string): void } | undefined;
  /** Computes (once) the demo report served at /api/v1/demo. */
  readonly demoReport?: () => Promise<DemoReport>;
}

const TEXT_TYPES = ["text/csv", "text/plain", "application/x-ndjson", "application/jsonl", "application/x-jsonlines"];

/**
 * The HTTP API. Routes are thin: they validate the request, call the App facade and map its
 * coded errors to problem+json. Each group of routes is one file of routes/, registered here.
 */
export function buildServer(app: App, options: ServerOptions = {}): FastifyInstance {
  const logger = options.logLevel
    ? { ...loggerOptions(options.logLevel), ...(options.logStream ? { stream: options.logStream } : {}) }
    : (options.logger ?? false);
  const server = Fastify({ logger, bodyLimit: 256 * 1024 * 1024 });
  server.addContentTypeParser(TEXT_TYPES, { parseAs: "string" }, (_req, body, done) => done(null, body));
  server.setErrorHandler((error, _req, reply) => sendProblem(reply, error));
  installCrossCutting(server, app, options);

  server.get("/health", async () => ({ status: "ok", store: app.store.kind, catalog: app.catalog.id, lines: app.engine.lines.size }));

  linesRoutes(server, app);
  usageRoutes(server, app);
  billingRoutes(server, app);
  invoicePdfRoutes(server, app);
  reviewRoutes(server, app);
  reviewSettleRoutes(server, app);
  anomalyRoutes(server, app);
  migrationRoutes(server, app);
  noticeRoutes(server, app);
  consentRoutes(server, app);
  policyRoutes(server, app);
  demoRoutes(server, options.demoReport);
  meRoutes(server, app);
  accessRoutes(server, app);
  catalogRoutes(server, app);
  roamingLimitRoutes(server, app);
  seriesRoutes(server, app);
  return server;
}
