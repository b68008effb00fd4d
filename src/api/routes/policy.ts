import type { FastifyInstance } from "fastify";
import type { App } from "../../app/index.ts";

/** A line's fair-use status, as the policy server reads it over Sy (SLR/SNR). */
export function policyRoutes(server: FastifyInstance, app: App): void {
  server.get("/api/v1/lines/:lineId/policy", async (req) => {
    const { lineId } = req.params as { lineId: string };
    return app.policy(lineId);
  });
}
