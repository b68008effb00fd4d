import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { type App, PACKAGE_ROOT } from "../app/index.ts";
import { installAudit } from "./audit.ts";
import { installAuth } from "./auth/hook.ts";
import { ApiMetrics } from "./metrics/api-metrics.ts";
import { OpenApiCollector } from "./openapi/document.ts";
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from "./rate-limit.ts";
import { healthRoutes } from "./routes/health.ts";
import { staticRoutes } from "./static.ts";

export interface CrossCuttingOptions {
  readonly rateLimit?: RateLimitOptions | undefined;
  /** The built web app; `false` serves none. Default: web/dist of the package. */
  readonly webDir?: string | false | undefined;
}

export const WEB_DIST = join(PACKAGE_ROOT, "web", "dist");

/**
 * What every route gets, installed before any route is registered: the OpenAPI collector,
 * metrics, authentication with rate limits and roles, the audit of writes; then the public
 * routes (health, readiness, metrics, the OpenAPI document) and the web app's files.
 */
export function installCrossCutting(server: FastifyInstance, app: App, options: CrossCuttingOptions = {}): void {
  void app.auth; // refuses to start on a store without tokens, rather than answering 500 later
  const openapi = new OpenApiCollector();
  openapi.install(server);
  const metrics = new ApiMetrics(app);
  metrics.install(server, app);
  installAuth(server, app, new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT), { onDenied: (reason) => metrics.denied.inc({ reason }) });
  installAudit(server, app);
  healthRoutes(server, app, metrics);
  const version = (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
  server.get("/api/openapi.json", { config: { access: "public" } }, async () => openapi.document(version));
  if (options.webDir !== false) staticRoutes(server, options.webDir ?? WEB_DIST);
}
