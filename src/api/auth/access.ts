import type { Role } from "../../store/index.ts";

/**
 * Which roles may call a route, and whether (and how) a customer may. A customer token reaches
 * only routes that name what they touch, so that its account can be checked:
 * - `line`: the route's path names a line (`/lines/:lineId…`);
 * - `invoice`: the route's path names an invoice (`/invoices/:invoiceId…`);
 * - `self`: the route itself restricts what it returns to the caller's account.
 */
export type CustomerScope = "line" | "invoice" | "self";

export type RouteAccess = "public" | { readonly roles: readonly Role[]; readonly customer?: CustomerScope };

declare module "fastify" {
  interface FastifyContextConfig {
    /** Set by `route()`; routes registered without it get `defaultAccess`. */
    access?: RouteAccess;
  }
}

const STAFF: readonly Role[] = ["admin", "reviewer", "analyst"];
export const READ_STAFF = { roles: STAFF } as const;
export const ADMIN_ONLY = { roles: ["admin"] } as const;

/** Writes reviewers make: the review desk, contacts, findings. */
const REVIEW_WRITES = ["/api/v1/invoices", "/api/v1/review", "/api/v1/contacts", "/api/v1/credit-notes", "/api/v1/payment-plans", "/api/v1/anomalies"];

/**
 * The access of routes that did not declare one (route groups of other features): reads for
 * staff, and for customers where the path names their line or invoice; writes for admins,
 * reviewers on the review desk, analysts on simulations and migrations. Deny by default: a
 * new write route is admin-only until it says otherwise.
 */
export function defaultAccess(method: string, url: string): RouteAccess {
  if (!url.startsWith("/api/") || url === "/api/openapi.json") return "public";
  const customer = customerScopeOf(url);
  if (method === "GET" || method === "HEAD") return customer ? { roles: STAFF, customer } : READ_STAFF;
  if (method === "POST" && /^\/api\/v1\/lines\/:[^/]+\/consent$/.test(url)) return { roles: ["admin", "reviewer"], customer: "line" };
  if (url.startsWith("/api/v1/simulations")) return { roles: STAFF };
  if (url.startsWith("/api/v1/migrations")) return { roles: ["admin", "analyst"] };
  if (REVIEW_WRITES.some((prefix) => url.startsWith(prefix))) return { roles: ["admin", "reviewer"] };
  return ADMIN_ONLY;
}

function customerScopeOf(url: string): CustomerScope | undefined {
  if (/^\/api\/v1\/lines\/:[^/]+/.test(url)) return "line";
  if (/^\/api\/v1\/invoices\/:[^/]+/.test(url)) return "invoice";
  return undefined;
}

/** The name of the path parameter after `/<collection>/` in a route pattern (`lineId`, `id`…). */
export function scopeParam(url: string, collection: "lines" | "invoices"): string | undefined {
  const m = new RegExp(`^/api/v1/${collection}/:([A-Za-z_][A-Za-z0-9_]*)`).exec(url);
  return m?.[1];
}
