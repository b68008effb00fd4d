import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type App, actorName, attemptJson, noticeJson } from "../../app/index.ts";
import { OUTBOX_STATUSES } from "../../store/index.ts";
import { ADMIN_ONLY, READ_STAFF } from "../auth/access.ts";
import { principalOf } from "../auth/hook.ts";
import { route } from "../route.ts";
import { periodText } from "../schemas.ts";

const idParams = z.object({ id: z.coerce.number().int().positive().describe("the notice's id in the outbox") });
const notice = z.looseObject({ id: z.number(), key: z.string(), kind: z.string(), status: z.enum(OUTBOX_STATUSES) }).describe("an outbox row and its payload");

/** The outbox for operators: what went, what waits, what is dead; replay; notices from other features. */
export function noticeRoutes(server: FastifyInstance, app: App): void {
  route(
    server,
    {
      method: "GET",
      url: "/api/v1/notices",
      summary: "Notices in the outbox, with their delivery state",
      tags: ["notices"],
      access: READ_STAFF,
      query: z.object({
        line_id: z.string().optional(),
        period: periodText.optional(),
        kind: z.string().optional(),
        status: z.enum(OUTBOX_STATUSES).optional().describe("dead: the dead letters waiting for an operator"),
        limit: z.coerce.number().int().min(1).max(10_000).default(1000),
      }),
      responses: { 200: { description: "oldest first", schema: z.array(notice) } },
    },
    async ({ query }) =>
      (
        await app.notices.list({
          lineId: query.line_id,
          period: query.period ? app.period(query.period) : undefined,
          kind: query.kind,
          status: query.status,
          limit: query.limit,
        })
      ).map(noticeJson),
  );

  route(
    server,
    {
      method: "GET",
      url: "/api/v1/notices/:id",
      summary: "One notice with every attempt (channel, outcome, code)",
      tags: ["notices"],
      access: READ_STAFF,
      params: idParams,
      responses: { 200: { description: "the notice and its history", schema: notice }, 404: { description: "unknown notice" } },
    },
    async ({ params }) => {
      const { entry, attempts } = await app.notices.show(params.id);
      return { ...noticeJson(entry), history: attempts.map(attemptJson) };
    },
  );

  route(
    server,
    {
      method: "POST",
      url: "/api/v1/notices/:id/replay",
      summary: "Send a dead (or expired) notice again",
      description: "Back to pending with its attempts reset; channels that already accepted it are not sent it again.",
      tags: ["notices"],
      access: ADMIN_ONLY,
      params: idParams,
      responses: {
        200: { description: "the notice, pending", schema: notice },
        404: { description: "unknown notice" },
        409: { description: "not dead nor expired" },
      },
    },
    async ({ params, req }) => {
      req.auditDetail = { notice_id: params.id };
      return noticeJson(await app.notices.replay(params.id, actorName(principalOf(req))));
    },
  );

  route(
    server,
    {
      method: "POST",
      url: "/api/v1/notices",
      summary: "Enqueue a notice that does not come from usage (invoice held, abnormal usage, plan migration)",
      description: "Once per line, period, kind and key: a second request with the same key is answered 200 with the first notice's id.",
      tags: ["notices"],
      access: ADMIN_ONLY,
      body: z
        .object({
          line_id: z.string().min(1),
          kind: z.enum(["invoice_held", "abnormal_usage", "plan_migration"]),
          period: periodText,
          key: z.string().min(1).max(128),
          urgent: z.boolean().default(false),
          data: z.record(z.string(), z.unknown()).describe("the kind's fields: see docs/notices.md"),
        })
        .strict(),
      responses: { 200: { description: "already enqueued" }, 201: { description: "enqueued" }, 400: { description: "data that does not fit the kind" } },
    },
    async ({ body, reply }) => {
      const written = await app.notices.enqueue(body.line_id, {
        kind: body.kind,
        period: app.period(body.period),
        key: body.key,
        urgent: body.urgent,
        data: body.data,
      });
      return reply.code(written.inserted ? 201 : 200).send({ id: written.id, inserted: written.inserted });
    },
  );

  server.get("/api/v1/rejects", async (req) => {
    const q = req.query as { source?: string; limit?: string };
    const rows = await app.store.listRejects(q.source, Math.min(10_000, Number(q.limit ?? 100) || 100));
    return rows.map((r) => ({ source: r.source, line_no: r.lineNo, record_id: r.recordId ?? null, code: r.code, message: r.message, raw: r.raw }));
  });
}
