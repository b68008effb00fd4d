import type { FastifyInstance } from "fastify";
import type { App } from "../../app/index.ts";
import { UserError } from "../../app/index.ts";
import { linePolicy } from "../../engine/index.ts";

/** A line's fair-use status, as the policy server reads it over Sy (SLR/SNR). */
export function policyRoutes(server: FastifyInstance, app: App): void {
  server.get("/api/v1/lines/:lineId/policy", async (req) => {
    const { lineId } = req.params as { lineId: string };
    const policy = linePolicy(app.engine, lineId, app.clock.now());
    if (!policy) throw new UserError("unknown_line", `no line ${lineId}`);
    return {
      line_id: policy.lineId,
      period: policy.period,
      status: policy.status,
      counters: policy.counters.map((c) => ({ id: c.id, status: c.status })),
      open_sessions: app.online.sessionsOf(lineId).length,
    };
  });
}
