import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type App, actorName } from "../../app/index.ts";
import { READ_STAFF } from "../auth/access.ts";
import { principalOf } from "../auth/hook.ts";
import { route } from "../route.ts";
import { periodText } from "../schemas.ts";

const REVIEWERS = { roles: ["admin", "reviewer"] } as const;

/** Abnormal consumption: the ranked findings of a period, and the false positives people dismissed. */
export function anomalyRoutes(server: FastifyInstance, app: App): void {
  route(
    server,
    {
      method: "GET",
      url: "/api/v1/anomalies",
      summary: "Lines whose consumption departs from their own past or their peers, highest score first (docs/anomalies.md)",
      tags: ["anomalies"],
      access: READ_STAFF,
      query: z.object({
        period: periodText,
        locale: z.enum(["en", "fr"]).default("en").describe("language of the messages"),
        top: z.coerce.number().int().min(1).optional().describe("only the n highest scores"),
      }),
      responses: { 200: { description: "the anomaly findings JSON: `[{line_id, account_id, score, reasons: [{code, message, evidence}]}]`" } },
    },
    async ({ query }) => {
      const report = await app.anomalies.findings(query.period, { locale: query.locale, ...(query.top === undefined ? {} : { top: query.top }) });
      return report.findings;
    },
  );

  route(
    server,
    {
      method: "GET",
      url: "/api/v1/anomalies/dismissals",
      summary: "Every remembered false positive, with who, when and why",
      tags: ["anomalies"],
      access: READ_STAFF,
      query: z.object({ line_id: z.string().min(1).max(64).optional() }),
      responses: { 200: { description: "`[{line_id, code, reason, actor, at}]`, oldest first" } },
    },
    async ({ query }) => app.anomalies.dismissals(query.line_id),
  );

  route(
    server,
    {
      method: "POST",
      url: "/api/v1/anomalies/dismissals",
      summary: "Remember that a pattern is normal for a line: that reason code is not reported on it again",
      tags: ["anomalies"],
      access: REVIEWERS,
      body: z
        .object({
          line_id: z.string().min(1).max(64),
          code: z.string().min(1).describe("a reason code, e.g. border_flapping"),
          reason: z.string().min(1).max(2000).describe("why it is normal: kept with who and when"),
        })
        .strict(),
      responses: {
        201: { description: "the dismissal `{line_id, code, reason, actor, at}`" },
        400: { description: "unknown reason code" },
        404: { description: "no such line" },
      },
    },
    async ({ body, req, reply }) => {
      const dismissal = await app.anomalies.dismiss(body.line_id, body.code, body.reason, actorName(principalOf(req)));
      req.auditDetail = { line_id: dismissal.line_id, code: dismissal.code, reason: dismissal.reason };
      return reply.code(201).send(dismissal);
    },
  );
}
