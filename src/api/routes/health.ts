import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { App } from "../../app/index.ts";
import type { ApiMetrics } from "../metrics/api-metrics.ts";
import { route } from "../route.ts";

const READY_TIMEOUT_MS = 2_000;

/** Liveness, readiness and metrics: public, for the orchestrator and Prometheus (no personal data in them). */
export function healthRoutes(server: FastifyInstance, app: App, metrics: ApiMetrics): void {
  route(
    server,
    {
      method: "GET",
      url: "/healthz",
      summary: "Liveness: the process answers",
      tags: ["operations"],
      access: "public",
      responses: { 200: { description: "alive", schema: z.object({ status: z.literal("ok") }) } },
    },
    async () => ({ status: "ok" as const }),
  );

  route(
    server,
    {
      method: "GET",
      url: "/readyz",
      summary: "Readiness: the store answers and the engine accepts work",
      tags: ["operations"],
      access: "public",
      responses: { 200: { description: "ready" }, 503: { description: "not ready, with the failing check" } },
    },
    async ({ reply }) => {
      const checks = await Promise.allSettled([
        withTimeout(app.store.closedPeriods(), "store"),
        // An empty submission walks the writer queue: it fails once the engine has stopped.
        withTimeout(app.engine.submit([], "readyz"), "engine"),
      ]);
      const failed = checks.flatMap((c) => (c.status === "rejected" ? [String((c.reason as Error).message)] : []));
      if (failed.length > 0) return reply.code(503).send({ status: "not_ready", failed });
      return { status: "ready", lines: app.engine.lines.size, store: app.store.kind, catalog: app.catalog.id };
    },
  );

  server.get("/metrics", { config: { access: "public" } }, async (_req, reply) =>
    reply.type("text/plain; version=0.0.4; charset=utf-8").send(await metrics.registry.text()),
  );
}

function withTimeout<T>(work: Promise<T>, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name}: no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
  });
  return Promise.race([work.catch((e: unknown) => Promise.reject(new Error(`${name}: ${(e as Error).message}`))), timeout]).finally(() => clearTimeout(timer));
}
