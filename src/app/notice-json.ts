import type { Attempt, OutboxEntry } from "../store/index.ts";

/** A notice as `gardefou notices --json` and GET /api/v1/notices show it: the outbox row, its delivery state, its payload's fields. */
export function noticeJson(e: OutboxEntry) {
  return {
    id: e.id,
    key: e.key,
    kind: e.kind,
    urgent: e.urgent,
    status: e.status,
    attempts: e.attempts,
    next_attempt_at: e.nextAttemptAt ?? null,
    last_error: e.lastError ?? null,
    sent_at: e.sentAt ?? null,
    created_at: e.createdAt,
    deliveries: e.deliveries.map((d) => ({ channel: d.channel, target: d.target, peer_id: d.peerId, at: d.at })),
    ...(JSON.parse(e.payload) as object),
  };
}

export function attemptJson(a: Attempt) {
  return { at: a.at, channel: a.channel, outcome: a.outcome, code: a.code ?? null, message: a.message ?? null };
}
