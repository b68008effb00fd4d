import type { FastifyInstance, RouteOptions } from "fastify";
import { defaultAccess, type RouteAccess } from "../auth/access.ts";
import type { OperationDoc } from "./operation.ts";

type Json = Record<string, unknown>;

interface Collected {
  readonly method: string;
  readonly url: string;
  readonly doc: OperationDoc | undefined;
}

const PROBLEM = {
  type: "object",
  description: "RFC 9457 problem details; `code` is the stable, machine-readable error code.",
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    code: { type: "string", pattern: "^[a-z0-9_]+$" },
    details: { type: "array", items: { type: "string" } },
  },
  required: ["type", "title", "status", "code"],
};

/**
 * Collects every route as it is registered — those declared with `route()` carry their
 * operation, the others get their path parameters and access — and builds the OpenAPI 3.1
 * document from them. Must be installed before the routes are registered.
 */
export class OpenApiCollector {
  private readonly routes: Collected[] = [];
  private cached: Json | undefined;

  install(server: FastifyInstance): void {
    server.addHook("onRoute", (opts: RouteOptions) => {
      const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
      for (const method of methods) {
        if (method === "HEAD" || !documented(opts.url)) continue;
        this.routes.push({ method, url: opts.url, doc: opts.config?.openapi });
      }
    });
  }

  document(version: string): Json {
    this.cached ??= build(this.routes, version);
    return this.cached;
  }
}

/** The API and the operations endpoints; not the web app's files. */
function documented(url: string): boolean {
  return url.startsWith("/api/") || ["/health", "/healthz", "/readyz", "/metrics"].includes(url);
}

function build(routes: readonly Collected[], version: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of [...routes].sort((a, b) => a.url.localeCompare(b.url))) {
    const path = r.url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
    paths[path] ??= {};
    (paths[path] as Record<string, Json>)[r.method.toLowerCase()] = operation(r, path);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Garde-fou HTTP API",
      version,
      description: "Rating, caps, notices and held invoices. Authentication: `Authorization: Bearer <token>` (see docs/api.md).",
    },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } }, schemas: { Problem: PROBLEM } },
    security: [{ bearer: [] }],
    paths,
  };
}

function operation(r: Collected, path: string): Json {
  const access: RouteAccess = r.doc?.access ?? defaultAccess(r.method, r.url);
  const doc = r.doc;
  const parameters: Json[] = [];
  const pathNames = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  const pathSchema = (doc?.params?.properties ?? {}) as Record<string, Json>;
  for (const name of pathNames) parameters.push({ name, in: "path", required: true, schema: pathSchema[name] ?? { type: "string" } });
  const required = new Set((doc?.query?.required ?? []) as string[]);
  for (const [name, schema] of Object.entries((doc?.query?.properties ?? {}) as Record<string, Json>)) {
    parameters.push({ name, in: "query", required: required.has(name), schema, ...(schema.description ? { description: schema.description } : {}) });
  }
  const responses: Record<string, Json> = {};
  for (const [status, res] of Object.entries(doc?.responses ?? { 200: { description: "OK", contentType: "application/json" } })) {
    responses[status] = {
      description: res.description,
      ...(res.schema || res.contentType !== "application/json" ? { content: { [res.contentType]: { schema: res.schema ?? {} } } } : {}),
    };
  }
  const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } });
  if (doc?.params || doc?.query || doc?.body) responses["400"] ??= problem("invalid request: every problem listed in `details`");
  if (access !== "public") {
    responses["401"] = problem("no token, or an unknown or revoked one");
    responses["403"] = problem("the token's role may not call this, or a customer token reached another account");
    responses["429"] = problem("rate limited: see the Retry-After header");
  }
  return {
    operationId: `${r.method.toLowerCase()}${path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    summary: doc?.summary ?? `${r.method} ${path}`,
    ...(doc?.description ? { description: doc.description } : {}),
    tags: doc ? [...doc.tags] : [r.url.split("/")[3] ?? "api"],
    ...(access === "public" ? { security: [] } : {}),
    "x-roles": access === "public" ? ["public"] : [...access.roles, ...(access.customer ? [`customer (${access.customer})`] : [])],
    ...(parameters.length ? { parameters } : {}),
    ...(doc?.body ? { requestBody: { required: true, content: Object.fromEntries(doc.body.types.map((t) => [t, { schema: doc.body?.schema }])) } } : {}),
    responses,
  };
}
