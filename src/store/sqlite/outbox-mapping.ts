import type { Period } from "../../domain/index.ts";
import type { Attempt, Delivery, OutboxEntry, OutboxStatus } from "../outbox-ports.ts";

export interface OutboxSqlRow {
  id: number;
  key: string;
  line_id: string;
  account_id: string;
  period: string;
  kind: string;
  urgent: number;
  payload: string;
  created_at: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  sent_at: string | null;
}

export interface DeliverySqlRow {
  outbox_id: number;
  channel: string;
  target: string;
  peer_id: string;
  at: string;
}

export interface AttemptSqlRow {
  id: number;
  outbox_id: number;
  at: string;
  channel: string;
  outcome: string;
  code: string | null;
  message: string | null;
}

export function entryFromSql(r: OutboxSqlRow, deliveries: readonly Delivery[]): OutboxEntry {
  return {
    id: r.id,
    key: r.key,
    lineId: r.line_id,
    accountId: r.account_id,
    period: r.period as Period,
    kind: r.kind,
    urgent: r.urgent === 1,
    payload: r.payload,
    createdAt: r.created_at,
    status: r.status as OutboxStatus,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at ?? undefined,
    lastError: r.last_error ?? undefined,
    sentAt: r.sent_at ?? undefined,
    deliveries,
  };
}

export function deliveryFromSql(r: DeliverySqlRow): Delivery {
  return { channel: r.channel, target: r.target, peerId: r.peer_id, at: r.at };
}

export function attemptFromSql(r: AttemptSqlRow): Attempt {
  return { at: r.at, channel: r.channel, outcome: r.outcome as Attempt["outcome"], code: r.code ?? undefined, message: r.message ?? undefined };
}
