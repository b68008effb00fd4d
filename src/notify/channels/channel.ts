// The port every notification adapter implements. The dispatcher (outbox owner) sees only this.

export interface OutboundMessage {
  /** Stable per notice and channel; the peer may see it (message id / header). */
  idempotencyKey: string;
  /** MSISDN (E.164 digits, no +), e-mail address, or webhook URL. */
  to: string;
  /** E-mail only. */
  subject?: string;
  /** Plain text body (SMS text, e-mail text part). */
  text: string;
  /** E-mail HTML part. */
  html?: string;
  /** Webhook body. */
  json?: unknown;
  urgent: boolean;
}

export type SendResult = { ok: true; peerId: string } | { ok: false; retryable: boolean; code: string; message: string };

export type ChannelName = "sms" | "email" | "webhook" | "log";

export interface Channel {
  readonly name: ChannelName;
  send(m: OutboundMessage): Promise<SendResult>;
  close(): Promise<void>;
}

/** A mobile-originated SMS (e.g. a customer answering "OUI" to re-open roaming data). */
export interface InboundSms {
  from: string;
  to: string;
  text: string;
}

/**
 * Operational happenings a channel cannot return from `send` (reconnects, unsolicited PDUs,
 * undecodable replies). Meant for a logger; never needed for correctness.
 */
export interface ChannelEvent {
  channel: ChannelName;
  code: string;
  message: string;
}

export type ChannelEventSink = (event: ChannelEvent) => void;

export function failure(code: string, message: string, retryable: boolean): Extract<SendResult, { ok: false }> {
  return { ok: false, retryable, code, message };
}

export function delivered(peerId: string): Extract<SendResult, { ok: true }> {
  return { ok: true, peerId };
}

/** Why a channel URL or its options cannot make a channel; every problem is reported at once. */
export interface ConfigProblem {
  code: string;
  message: string;
}

export type Configured<T> = { ok: true; value: T } | { ok: false; problems: ConfigProblem[] };
