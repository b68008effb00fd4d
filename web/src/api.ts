import { token } from "./session.ts";

/** The API's problem+json, or what a network failure looks like in the same shape. */
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly details: readonly string[];
}

export type Result<T> = { readonly ok: true; readonly value: T; readonly headers: Headers } | { readonly ok: false; readonly problem: Problem };

async function call(path: string, init: { method?: string; body?: unknown; accept?: string }): Promise<Result<Response>> {
  const headers: Record<string, string> = { accept: init.accept ?? "application/json" };
  const bearer = token();
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(path, { method: init.method ?? "GET", headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  } catch (error) {
    return { ok: false, problem: { status: 0, code: "network_error", title: String(error), details: [] } };
  }
  if (res.ok) return { ok: true, value: res, headers: res.headers };
  const body = (await res.json().catch(() => ({}))) as Partial<Problem>;
  return {
    ok: false,
    problem: { status: res.status, code: body.code ?? `http_${res.status}`, title: body.title ?? res.statusText, details: body.details ?? [] },
  };
}

export async function getJson<T>(path: string): Promise<Result<T>> {
  const r = await call(path, {});
  if (!r.ok) return r;
  return { ok: true, value: (await r.value.json()) as T, headers: r.headers };
}

export async function sendJson<T>(method: "POST" | "PUT" | "DELETE", path: string, body: unknown): Promise<Result<T>> {
  const r = await call(path, { method, body });
  if (!r.ok) return r;
  const text = await r.value.text();
  return { ok: true, value: (text ? JSON.parse(text) : {}) as T, headers: r.headers };
}

export async function getBlob(path: string, accept: string): Promise<Result<Blob>> {
  const r = await call(path, { accept });
  if (!r.ok) return r;
  return { ok: true, value: await r.value.blob(), headers: r.headers };
}

/** Which operations this server offers (its OpenAPI document): sections of features not there yet stay hidden. */
export class Capabilities {
  private constructor(private readonly ops: ReadonlySet<string>) {}

  static async load(): Promise<Capabilities> {
    const doc = await getJson<{ paths: Record<string, Record<string, unknown>> }>("/api/openapi.json");
    const ops = new Set<string>();
    if (doc.ok) for (const [path, methods] of Object.entries(doc.value.paths)) for (const m of Object.keys(methods)) ops.add(`${m.toUpperCase()} ${path}`);
    return new Capabilities(ops);
  }

  has(method: string, path: string): boolean {
    return this.ops.has(`${method} ${path}`);
  }
}

export function enc(segment: string): string {
  return encodeURIComponent(segment);
}
