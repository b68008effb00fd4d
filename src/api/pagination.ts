import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";

/**
 * Lists are paged with `limit` and `offset`; the body keeps its shape (the interchange arrays
 * of docs/formats.md stay arrays) and the paging travels in headers: `X-Total-Count`, and a
 * `Link` header with `next` and `prev` (RFC 8288).
 */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe("page size (1–1000)"),
  offset: z.coerce.number().int().min(0).default(0).describe("items to skip"),
};

export function page<T>(req: FastifyRequest, reply: FastifyReply, items: readonly T[], q: { readonly limit: number; readonly offset: number }): T[] {
  const total = items.length;
  reply.header("x-total-count", String(total));
  const links: string[] = [];
  if (q.offset + q.limit < total) links.push(`<${withOffset(req.url, q.offset + q.limit, q.limit)}>; rel="next"`);
  if (q.offset > 0) links.push(`<${withOffset(req.url, Math.max(0, q.offset - q.limit), q.limit)}>; rel="prev"`);
  if (links.length > 0) reply.header("link", links.join(", "));
  return items.slice(q.offset, q.offset + q.limit);
}

function withOffset(url: string, offset: number, limit: number): string {
  const u = new URL(url, "http://x");
  u.searchParams.set("offset", String(offset));
  u.searchParams.set("limit", String(limit));
  return `${u.pathname}${u.search}`;
}
