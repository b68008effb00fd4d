import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type App, actorName } from "../../app/index.ts";
import { principalOf } from "../auth/hook.ts";
import { route } from "../route.ts";
import { lineParams, periodText } from "../schemas.ts";

const consentView = z.object({
  line_id: z.string(),
  cap_id: z.string(),
  period: z.string(),
  at: z.string(),
  actor: z.string(),
  channel: z.string(),
  recorded: z.boolean().describe("false when the customer had already consented to this cap in this period"),
  notice_id: z.number().int().describe("the confirmation notice in the outbox"),
});

/** A customer's consent to continue past a cut-off, from self-care (a customer token for the line) or an adviser. */
export function consentRoutes(server: FastifyInstance, app: App): void {
  route(
    server,
    {
      method: "POST",
      url: "/api/v1/lines/:lineId/consent",
      summary: "Record a customer's consent to continue past a cut-off for the rest of the period",
      description:
        "Lifts the blocking cap in memory and durably (who, when, channel), re-arms its thresholds over one more limit, confirms by notice and re-authorises open sessions. 201 when recorded, 200 when it already was.",
      tags: ["notices", "caps"],
      access: { roles: ["admin", "reviewer"], customer: "line" },
      params: lineParams,
      body: z.object({ cap_id: z.string().min(1).describe("the blocking cap, e.g. eu-roaming-data"), period: periodText.optional() }).strict(),
      responses: {
        200: { description: "already consented", schema: consentView },
        201: { description: "consent recorded", schema: consentView },
        404: { description: "unknown line or cap" },
        409: { description: "the cap does not cut off (throttle, notify)" },
      },
    },
    async ({ params, body, req, reply }) => {
      const outcome = await app.consent(params.lineId, body.cap_id, actorName(principalOf(req)), "http", body.period);
      const c = outcome.consent;
      req.auditDetail = { cap_id: c.capId, period: c.period, recorded: outcome.recorded };
      return reply.code(outcome.recorded ? 201 : 200).send({
        line_id: c.lineId,
        cap_id: c.capId,
        period: c.period,
        at: c.at,
        actor: c.actor,
        channel: c.channel,
        recorded: outcome.recorded,
        notice_id: outcome.noticeId,
      });
    },
  );
}
