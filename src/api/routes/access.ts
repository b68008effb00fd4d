import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type App, actorName, UserError } from "../../app/index.ts";
import { ROLES, type TokenRow } from "../../store/index.ts";
import { ADMIN_ONLY } from "../auth/access.ts";
import { principalOf } from "../auth/hook.ts";
import { route } from "../route.ts";

const tokenView = z.object({
  token_id: z.string(),
  role: z.enum(ROLES),
  account_id: z.string().nullable(),
  name: z.string(),
  created_at: z.string(),
  created_by: z.string(),
  revoked_at: z.string().nullable(),
});

function view(t: TokenRow): z.infer<typeof tokenView> {
  return {
    token_id: t.tokenId,
    role: t.role,
    account_id: t.accountId ?? null,
    name: t.name,
    created_at: t.createdAt,
    created_by: t.createdBy,
    revoked_at: t.revokedAt ?? null,
  };
}

/** Tokens (admins) and the audit log (admins and reviewers). */
export function accessRoutes(server: FastifyInstance, app: App): void {
  route(
    server,
    {
      method: "POST",
      url: "/api/v1/tokens",
      summary: "Create an API token; its secret is in this answer only",
      tags: ["access"],
      access: ADMIN_ONLY,
      body: z.object({ role: z.enum(ROLES), account_id: z.string().min(1).optional(), name: z.string().max(100).optional() }).strict(),
      responses: { 201: { description: "the token", schema: tokenView.extend({ token: z.string() }) } },
    },
    async ({ body, req, reply }) => {
      const { token, row } = await app.createToken({ role: body.role, accountId: body.account_id, name: body.name }, actorName(principalOf(req)));
      req.auditDetail = { token_id: row.tokenId, role: row.role, account_id: row.accountId ?? null };
      return reply.code(201).send({ ...view(row), token });
    },
  );

  route(
    server,
    {
      method: "GET",
      url: "/api/v1/tokens",
      summary: "Every token (never its secret)",
      tags: ["access"],
      access: ADMIN_ONLY,
      responses: { 200: { description: "tokens", schema: z.array(tokenView) } },
    },
    async () => (await app.auth.listTokens()).map(view),
  );

  route(
    server,
    {
      method: "DELETE",
      url: "/api/v1/tokens/:tokenId",
      summary: "Revoke a token, at once",
      tags: ["access"],
      access: ADMIN_ONLY,
      params: z.object({ tokenId: z.string().min(1) }),
      responses: { 204: { description: "revoked" }, 404: { description: "no such token, or already revoked" } },
    },
    async ({ params, reply }) => {
      if (!(await app.auth.revokeToken(params.tokenId, new Date(app.clock.now()).toISOString()))) {
        throw new UserError("unknown_token", `no active token ${params.tokenId}`);
      }
      return reply.code(204).send();
    },
  );

  route(
    server,
    {
      method: "GET",
      url: "/api/v1/audit",
      summary: "The audit log of writes, newest first",
      tags: ["access"],
      access: { roles: ["admin", "reviewer"] },
      query: z.object({
        limit: z.coerce.number().int().min(1).max(1000).default(100),
        before_id: z.coerce.number().int().min(1).optional().describe("page backwards: entries older than this id"),
      }),
      responses: { 200: { description: "entries; `X-Total-Count` and a `Link: rel=next` header page through them" } },
    },
    async ({ query, reply }) => {
      const { rows, total } = await app.auth.listAudit({ limit: query.limit, beforeId: query.before_id });
      reply.header("x-total-count", String(total));
      const last = rows.at(-1);
      if (last && rows.length === query.limit) reply.header("link", `</api/v1/audit?limit=${query.limit}&before_id=${last.id}>; rel="next"`);
      return rows.map((a) => ({
        id: a.id,
        at: a.at,
        actor: a.actor,
        role: a.role,
        action: a.action,
        target: a.target ?? null,
        status: a.status,
        request_id: a.requestId ?? null,
        detail: JSON.parse(a.detail) as unknown,
      }));
    },
  );
}
