import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { UserError } from "../app/index.ts";
import type { RouteAccess } from "./auth/access.ts";
import { type OperationDoc, operationDoc } from "./openapi/operation.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route's OpenAPI operation, built from the same zod schemas that validate it. */
    openapi?: OperationDoc;
  }
}

export interface ResponseDoc {
  readonly description: string;
  readonly schema?: z.ZodType;
  /** `application/json` unless said otherwise (`application/pdf`, `text/plain`…). */
  readonly contentType?: string;
}

export interface RouteDef<P, Q, B> {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  readonly url: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly access: RouteAccess;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** Content types of a file body read as a string (text/csv…); JSON otherwise. */
  readonly bodyTypes?: readonly string[];
  readonly responses: Readonly<Record<number, ResponseDoc>>;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly req: FastifyRequest;
  readonly reply: FastifyReply;
}

/**
 * Registers a route whose path, query and body are validated by zod schemas — every problem
 * collected, answered as 400 `invalid_request` — and whose OpenAPI operation is generated from
 * those very schemas, so the document cannot drift from what the server accepts.
 */
export function route<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  server: FastifyInstance,
  def: RouteDef<P, Q, B>,
  handler: (ctx: RouteContext<Parsed<P>, Parsed<Q>, Parsed<B>>) => Promise<unknown>,
): void {
  server.route({
    method: def.method,
    url: def.url,
    config: { access: def.access, openapi: operationDoc(def) },
    handler: async (req, reply) => {
      if (def.bodyTypes) checkMediaType(def.bodyTypes, req.headers["content-type"]);
      const problems: string[] = [];
      const params = check(def.params, req.params, "path", problems);
      const query = check(def.query, req.query, "query", problems);
      const body = check(def.body, req.body, "body", problems);
      if (problems.length > 0) throw new UserError("invalid_request", `${def.method} ${def.url}: ${problems.length} problem(s) in the request`, problems);
      return handler({ params, query, body, req, reply } as RouteContext<Parsed<P>, Parsed<Q>, Parsed<B>>);
    },
  });
}

function check(schema: z.ZodType | undefined, value: unknown, where: string, problems: string[]): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (where === "body" ? undefined : {}));
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push(`${[where, ...issue.path.map(String)].join(".")}: ${issue.message}`);
  return undefined;
}

/** A file route names the types it reads: anything else is 415 before the body is looked at. */
function checkMediaType(types: readonly string[], header: string | undefined): void {
  const type = (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!types.includes(type)) throw new UserError("unsupported_media_type", `send ${types.join(" or ")}, not "${type || "nothing"}"`);
}
