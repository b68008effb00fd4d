import type { Channel, OutboundMessage } from "../channels/index.ts";
import type { NoticePayload, RenderedNotice } from "../templates/index.ts";

/**
 * The configured channels. `sms` is the SMPP channel, or the log channel standing in for it
 * when no SMSC is configured, so that the product runs (and shows its notices) without one.
 */
export interface ChannelSet {
  readonly sms: Channel | undefined;
  readonly email: Channel | undefined;
  readonly webhook: Channel | undefined;
}

export type RouteName = "sms" | "email" | "webhook";

export interface Route {
  readonly name: RouteName;
  readonly channel: Channel;
  readonly target: string;
}

/** Where a notice goes: SMS to the line's MSISDN, e-mail to its address when it has one, the webhook when configured. */
export function routesFor(payload: NoticePayload, channels: ChannelSet): Route[] {
  const routes: Route[] = [];
  if (channels.sms) routes.push({ name: "sms", channel: channels.sms, target: payload.msisdn });
  if (channels.email && payload.email) routes.push({ name: "email", channel: channels.email, target: payload.email });
  if (channels.webhook) routes.push({ name: "webhook", channel: channels.webhook, target: "" });
  return routes;
}

export interface NoticeIdentity {
  readonly id: number;
  readonly key: string;
  readonly kind: string;
  readonly urgent: boolean;
  readonly createdAt: string;
}

/**
 * The message one route sends. The idempotency key is the outbox key plus the route: stable
 * across retries and restarts, so the SMSC's concatenation reference, the e-mail's Message-ID
 * and the webhook's Idempotency-Key header are the same on every attempt.
 */
export function messageFor(route: Route, notice: NoticeIdentity, rendered: RenderedNotice, payload: NoticePayload): OutboundMessage {
  const base = { idempotencyKey: `${notice.key}:${route.name}`, to: route.target, urgent: notice.urgent };
  switch (route.name) {
    case "sms":
      return { ...base, text: rendered.sms };
    case "email":
      return { ...base, subject: rendered.subject, text: rendered.sms, html: rendered.html };
    case "webhook":
      return {
        ...base,
        subject: rendered.subject,
        text: rendered.sms,
        json: {
          event: "notice",
          notice_id: notice.id,
          key: notice.key,
          kind: notice.kind,
          template: rendered.template,
          urgent: notice.urgent,
          created_at: notice.createdAt,
          locale: rendered.locale,
          subject: rendered.subject,
          text: rendered.sms,
          payload,
        },
      };
  }
}
