import { z } from "zod";
import type { RouteAccess } from "../auth/access.ts";

type JsonSchema = Record<string, unknown>;

export interface OperationDoc {
  readonly summary: string;
  readonly description?: string | undefined;
  readonly tags: readonly string[];
  readonly access: RouteAccess;
  readonly params?: JsonSchema | undefined;
  readonly query?: JsonSchema | undefined;
  readonly body?: { readonly types: readonly string[]; readonly schema: JsonSchema } | undefined;
  readonly responses: Readonly<Record<number, { description: string; contentType: string; schema?: JsonSchema | undefined }>>;
}

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), requests as read, responses as written. */
export function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

interface DefLike {
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly access: RouteAccess;
  readonly params?: z.ZodType | undefined;
  readonly query?: z.ZodType | undefined;
  readonly body?: z.ZodType | undefined;
  readonly bodyTypes?: readonly string[];
  readonly responses: Readonly<Record<number, { description: string; schema?: z.ZodType; contentType?: string }>>;
}

export function operationDoc(def: DefLike): OperationDoc {
  const responses: Record<number, { description: string; contentType: string; schema?: JsonSchema }> = {};
  for (const [status, r] of Object.entries(def.responses)) {
    responses[Number(status)] = {
      description: r.description,
      contentType: r.contentType ?? "application/json",
      ...(r.schema ? { schema: jsonSchema(r.schema, "output") } : {}),
    };
  }
  return {
    summary: def.summary,
    description: def.description,
    tags: def.tags,
    access: def.access,
    params: def.params ? jsonSchema(def.params, "input") : undefined,
    query: def.query ? jsonSchema(def.query, "input") : undefined,
    body: def.body ? { types: def.bodyTypes ?? ["application/json"], schema: jsonSchema(def.body, "input") } : undefined,
    responses,
  };
}
