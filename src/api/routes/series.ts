import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { App } from "../../app/index.ts";
import { route } from "../route.ts";
import { lineParams, periodText } from "../schemas.ts";

const seriesSchema = z.object({
  line_id: z.string(),
  account_id: z.string(),
  plan_id: z.string(),
  period: z.string(),
  time_zone: z.string(),
  currency: z.string(),
  dates: z.array(z.string()),
  daily: z.array(
    z.object({
      date: z.string(),
      service: z.enum(["data", "voice", "sms"]),
      zone: z.string(),
      quantity: z.number().int().describe("octets, seconds or messages"),
      spend: z.string().describe("billed, excl. VAT, decimal string"),
      over_units: z.number().int().describe("rating increments recorded but not billed: over a blocking cap"),
      throttled_quantity: z.number().int(),
      records: z.number().int(),
    }),
  ),
  caps: z.array(
    z.object({ id: z.string(), name: z.string(), measure: z.string(), service: z.string(), zones: z.array(z.string()), limit: z.string(), action: z.string() }),
  ),
  markers: z.array(
    z.object({
      kind: z.enum(["cap_warning", "cap_reached", "cut_off", "throttled", "allowance_warning", "allowance_used"]),
      ref: z.string(),
      threshold: z.number().int(),
      at: z.string(),
    }),
  ),
  hold_threshold: z.string().nullable(),
});

/** Line 360: the line's usage by local day and zone, its caps, and where it crossed them. */
export function seriesRoutes(server: FastifyInstance, app: App): void {
  route(
    server,
    {
      method: "GET",
      url: "/api/v1/lines/:lineId/series",
      summary: "A line's usage over a period by day, service and zone, with caps and the moments it crossed them",
      tags: ["lines"],
      access: { roles: ["admin", "reviewer", "analyst"], customer: "line" },
      params: lineParams,
      query: z.object({ period: periodText.optional().describe("default: the line's latest period with usage") }),
      responses: { 200: { description: "the series", schema: seriesSchema }, 404: { description: "unknown line" } },
    },
    async ({ params, query }) => app.lineSeries(params.lineId, query.period),
  );
}
