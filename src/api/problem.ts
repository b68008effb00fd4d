import type { FastifyReply } from "fastify";
import { UserError } from "../app/index.ts";

/** Maps stable error codes to HTTP statuses; the body is RFC 9457 problem+json. */
const STATUS: Record<string, number> = {
  unknown_line: 404,
  unknown_notice: 404,
  unknown_cap: 404,
  notice_not_replayable: 409,
  cap_not_blocking: 409,
  not_found: 404,
  period_already_closed: 409,
  engines_running: 409,
  period_not_ended: 409,
  unsupported_media_type: 415,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  unknown_token: 404,
  cap_not_adjustable: 409,
  unknown_invoice: 404,
  invalid_state: 409,
  invoice_changed: 409,
  period_closed: 409,
  period_started: 409,
  plan_change_pending: 409,
  not_on_front_end: 409,
  partition_unavailable: 503,
  broker_unreachable: 503,
  // The store stayed out of reach for the retry budget: the engine refuses work until restarted.
  store_unavailable: 503,
};

export function sendProblem(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof UserError) {
    const status = STATUS[error.code] ?? 400;
    return reply
      .code(status)
      .type("application/problem+json")
      .send({ type: `https://garde-fou.dev/problems/${error.code}`, title: error.message, status, code: error.code, details: error.details });
  }
  reply.log.error(error);
  return reply.code(500).type("application/problem+json").send({ type: "about:blank", title: "internal error", status: 500, code: "internal_error" });
}
