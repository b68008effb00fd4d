import type { FastifyInstance, FastifyRequest } from "fastify";
import { type App, actorName } from "../app/index.ts";
import { scopeParam } from "./auth/access.ts";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every write through the API is audited: who (token), when, what (route and target, with the
 * change the route describes) and how it ended, refused ones included. The row is written
 * before the answer leaves (onSend), so a client never hears "done" for an unaudited write;
 * a failed audit write turns the answer into a 500.
 */
export function installAudit(server: FastifyInstance, app: App): void {
  server.addHook("onSend", async (req, reply, payload) => {
    if (READS.has(req.method) || !req.url.startsWith("/api/")) return payload;
    const p = req.principal;
    await app.auth.appendAudit({
      at: new Date(app.clock.now()).toISOString(),
      actor: p ? actorName(p) : "anonymous",
      role: p ? p.role : "anonymous",
      action: `${req.method} ${req.routeOptions.url ?? req.url.split("?")[0]}`,
      target: targetOf(req),
      status: reply.statusCode,
      requestId: req.id,
      detail: JSON.stringify(req.auditDetail ?? {}),
    });
    return payload;
  });
}

/** `line L1`, `invoice INV-…` or the first path parameter: what the write was about. */
function targetOf(req: FastifyRequest): string | undefined {
  const url = req.routeOptions.url;
  if (!url) return undefined;
  const params = req.params as Record<string, string | undefined>;
  const line = params[scopeParam(url, "lines") ?? ""];
  if (line !== undefined) return `line ${line}`;
  const invoice = params[scopeParam(url, "invoices") ?? ""];
  if (invoice !== undefined) return `invoice ${invoice}`;
  const first = Object.entries(params)[0];
  return first ? `${first[0]} ${first[1]}` : undefined;
}
