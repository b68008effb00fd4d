import type { Period } from "../../domain/index.ts";
import type { OutboxEntry, OutboxStore, Settlement } from "../../store/index.ts";
import type { SendResult } from "../channels/index.ts";
import { type NoticeTemplates, parsePayload } from "../templates/index.ts";
import { backoffDelay } from "./backoff.ts";
import { type DispatcherOptions, USAGE_KINDS } from "./options.ts";
import { quietUntil } from "./quiet-hours.ts";
import type { LineRateLimit } from "./rate-limit.ts";
import { type ChannelSet, messageFor, routesFor } from "./routes.ts";

export interface DeliverDeps {
  readonly outbox: OutboxStore;
  readonly templates: NoticeTemplates;
  readonly channels: ChannelSet;
  readonly options: DispatcherOptions;
  readonly limiter: LineRateLimit;
  /** The instant a billing period ends (the catalog's time zone). */
  readonly periodEnd: (period: Period) => number;
  readonly now: () => number;
}

export type Outcome = Settlement["status"];

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One attempt at a claimed row: the checks that may hold it back, then each route that has not
 * accepted it yet. The row is `sent` only when every route's peer has said yes.
 */
export async function deliver(row: OutboxEntry, deps: DeliverDeps): Promise<Settlement> {
  const settlement = await attempt(row, deps);
  await deps.outbox.settle(row.id, settlement);
  if (settlement.status === "expired" || settlement.status === "dead") {
    const reason = settlement.status === "expired" ? settlement.reason : settlement.error;
    await deps.outbox.recordAttempt(
      row.id,
      { at: iso(deps.now()), channel: "dispatcher", outcome: settlement.status, code: undefined, message: reason },
      undefined,
    );
  }
  return settlement;
}

async function attempt(row: OutboxEntry, deps: DeliverDeps): Promise<Settlement> {
  const { options } = deps;
  const now = deps.now();
  const stale = staleness(row, now, deps);
  if (stale) return { status: "expired", reason: stale };
  if (!row.urgent) {
    // A cut-off (urgent) is never held back: the customer must learn why the connection stopped.
    const quietEnd = options.quietHours ? quietUntil(options.quietHours, now) : undefined;
    if (quietEnd !== undefined) return { status: "deferred", nextAttemptAt: iso(quietEnd), reason: "quiet_hours" };
    const slot = deps.limiter.nextSlot(row.lineId, now);
    if (slot > now) return { status: "deferred", nextAttemptAt: iso(slot), reason: "rate_limited" };
  }
  const parsed = parsePayload(row.payload);
  if (!parsed.ok) return { status: "dead", attempts: row.attempts + 1, error: `${parsed.code}: ${parsed.message}` };
  const rendered = deps.templates.renderPayload(parsed.payload);
  if (!rendered.ok) return { status: "dead", attempts: row.attempts + 1, error: `${rendered.code}: ${rendered.message}` };
  const done = new Set(row.deliveries.map((d) => d.channel));
  const routes = routesFor(parsed.payload, deps.channels).filter((r) => !done.has(r.name));
  if (routes.length === 0 && done.size === 0)
    return { status: "dead", attempts: row.attempts + 1, error: "no_route: no channel is configured for this notice" };

  const failures: { route: string; result: Extract<SendResult, { ok: false }> }[] = [];
  for (const route of routes) {
    const result = await route.channel.send(messageFor(route, row, rendered.notice, parsed.payload));
    const at = iso(deps.now());
    if (result.ok) {
      // Recorded at once: if the process dies before the row is settled, a retry skips this route.
      await deps.outbox.recordAttempt(
        row.id,
        { at, channel: route.name, outcome: "accepted", code: undefined, message: result.peerId },
        { channel: route.name, target: route.target, peerId: result.peerId, at },
      );
      if (done.size === 0 && failures.length === 0) deps.limiter.record(row.lineId, now);
      done.add(route.name);
    } else {
      await deps.outbox.recordAttempt(row.id, { at, channel: route.name, outcome: "failed", code: result.code, message: result.message }, undefined);
      failures.push({ route: route.name, result });
    }
  }
  if (failures.length === 0) return { status: "sent", at: iso(deps.now()) };
  const attempts = row.attempts + 1;
  const error = failures.map((f) => `${f.route}: ${f.result.code}: ${f.result.message}`).join("; ");
  if (failures.some((f) => !f.result.retryable) || attempts >= options.maxAttempts) return { status: "dead", attempts, error };
  const delay = backoffDelay(attempts, options.backoffBaseMs, options.backoffMaxMs, options.random);
  return { status: "retry", attempts, nextAttemptAt: iso(deps.now() + delay), error };
}

function staleness(row: OutboxEntry, now: number, deps: DeliverDeps): string | undefined {
  const age = now - Date.parse(row.createdAt);
  if (age > deps.options.maxAgeMs) return `stale: written ${Math.round(age / 3_600_000)} h ago`;
  if (USAGE_KINDS.has(row.kind) && now - deps.periodEnd(row.period) > deps.options.periodGraceMs) return `stale: period ${row.period} is long over`;
  return undefined;
}
