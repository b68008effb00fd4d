import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type App, type Principal, UserError } from "../../app/index.ts";
import { ROLES } from "../../store/index.ts";
import type { RateLimiter } from "../rate-limit.ts";
import { type CustomerScope, defaultAccess, type RouteAccess, scopeParam } from "./access.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The caller, once its token is checked; undefined on public routes. */
    principal: Principal | undefined;
    /** What a write changed, for the audit log (set by the route). */
    auditDetail: Record<string, unknown> | undefined;
  }
}

export interface AuthEvents {
  readonly onDenied: (code: "unauthorized" | "forbidden" | "rate_limited") => void;
}

/**
 * Authentication, rate limiting and authorisation, before any route runs: 401 without a valid
 * bearer token, 429 past the caller's bucket, 403 for a role the route does not admit or a
 * customer reaching outside its account. Unknown lines and invoices are 403 for a customer
 * too, so that a customer token cannot probe which ids exist.
 */
export function installAuth(server: FastifyInstance, app: App, limiter: RateLimiter, events: AuthEvents): void {
  server.decorateRequest("principal", undefined);
  server.decorateRequest("auditDetail", undefined);
  server.addHook("onRequest", async (req, reply) => {
    const access = accessOf(req);
    if (access === "public") return;
    const token = bearer(req.headers.authorization);
    const principal = token ? await app.authenticate(token) : undefined;
    const limited = limiter.take(principal ? principal.tokenId : `ip:${req.ip}`);
    if (!limited.ok) {
      events.onDenied("rate_limited");
      reply.header("retry-after", String(limited.retryAfterS));
      throw new UserError("rate_limited", `too many requests: try again in ${limited.retryAfterS} s`);
    }
    if (!principal) {
      events.onDenied("unauthorized");
      reply.header("www-authenticate", 'Bearer realm="garde-fou"');
      throw new UserError("unauthorized", token ? "the token is unknown or revoked" : "send an API token: Authorization: Bearer <token>");
    }
    req.principal = principal;
    if (!access.roles.includes(principal.role) && !(principal.role === "customer" && access.customer)) {
      events.onDenied("forbidden");
      throw new UserError("forbidden", `a ${principal.role} token may not ${req.method} ${req.routeOptions.url ?? req.url}`);
    }
    if (principal.role === "customer" && !(await ownsTarget(app, req, principal, access.customer))) {
      events.onDenied("forbidden");
      throw new UserError("forbidden", "this token may only reach its own account's lines and invoices");
    }
  });
}

export function accessOf(req: FastifyRequest): RouteAccess {
  const url = req.routeOptions.url;
  // No route matched: 404 for any valid token, 401 without one (the API's shape stays hidden).
  if (url === undefined) return req.url.startsWith("/api/") ? { roles: ROLES } : "public";
  return req.routeOptions.config.access ?? defaultAccess(req.method, url);
}

function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return m?.[1];
}

async function ownsTarget(app: App, req: FastifyRequest, p: Principal, scope: CustomerScope | undefined): Promise<boolean> {
  const url = req.routeOptions.url ?? "";
  const params = req.params as Record<string, string | undefined>;
  if (scope === "self") return true;
  if (scope === "line") {
    const id = params[scopeParam(url, "lines") ?? ""];
    return id !== undefined && app.engine.lines.get(id)?.record.accountId === p.accountId;
  }
  if (scope === "invoice") {
    const id = params[scopeParam(url, "invoices") ?? ""];
    return id !== undefined && (await invoiceAccount(app, id)) === p.accountId;
  }
  return false;
}

async function invoiceAccount(app: App, invoiceId: string): Promise<string | undefined> {
  const review = app.store.review;
  if (review) return (await review.getInvoice(invoiceId))?.accountId;
  return (await app.store.listInvoices(undefined)).find((i) => i.invoiceId === invoiceId)?.accountId;
}

/** For routes: the caller, which `installAuth` guarantees on every non-public route. */
export function principalOf(req: FastifyRequest, reply?: FastifyReply): Principal {
  const p = req.principal;
  if (!p) {
    reply?.header("www-authenticate", 'Bearer realm="garde-fou"');
    throw new UserError("unauthorized", "send an API token: Authorization: Bearer <token>");
  }
  return p;
}
