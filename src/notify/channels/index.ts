// Public surface of the notification channels: one factory from a configuration URL.

import type { Writable } from "node:stream";
import type { Channel, ChannelEventSink, Configured } from "./channel.ts";
import { LogChannel } from "./log/channel.ts";
import { createSmppChannel, type DeliverHandler, type SmppTimings } from "./smpp/index.ts";
import { createSmtpChannel, type SmtpTimings } from "./smtp/index.ts";
import { createWebhookChannel } from "./webhook/index.ts";

export type {
  Channel,
  ChannelEvent,
  ChannelEventSink,
  ChannelName,
  ConfigProblem,
  Configured,
  InboundSms,
  OutboundMessage,
  SendResult,
} from "./channel.ts";
export type { DeliverHandler, SmppTimings } from "./smpp/index.ts";
export type { SmtpTimings } from "./smtp/index.ts";
export {
  type SignatureCheck,
  signWebhook,
  verifyWebhookSignature,
} from "./webhook/index.ts";

export interface ChannelOptions {
  /** SMS: a customer's reply; resolve once it is recorded (see DeliverHandler). */
  onDeliver?: DeliverHandler;
  /** Reconnects and other happenings worth a log line. */
  onEvent?: ChannelEventSink;
  smppTimings?: Partial<SmppTimings>;
  /** SMS: longest notice, in parts (default 10). */
  smsMaxParts?: number;
  smtpTimings?: Partial<SmtpTimings>;
  /** Webhook: the HMAC signing secret (required for http(s) URLs). */
  webhookSecret?: string;
  webhookTimeoutMs?: number;
  /** Log channel: where the JSON lines go (default: standard output). */
  logStream?: Writable;
  /** Clock for Date headers, signature timestamps and log lines. */
  now?: () => Date;
}

/**
 * `smpp://id:pw@host:port?source=…&system_type=…`, `smtp://[user:pw@]host:port?from=…`,
 * `http(s)://…` (webhook, with options.webhookSecret) or `log`. An SMPP channel starts binding
 * at once, so that replies (deliver_sm) can arrive before the first notice is sent.
 */
export function channelFromUrl(url: string, options: ChannelOptions = {}): Configured<Channel> {
  const now = options.now ?? (() => new Date());
  if (url === "log" || url.startsWith("log:")) {
    return {
      ok: true,
      value: new LogChannel(options.logStream ?? process.stdout, now),
    };
  }
  if (!URL.canParse(url)) {
    // The URL may hold a password: never echo it back.
    return {
      ok: false,
      problems: [
        {
          code: "channel_url_invalid",
          message: "the channel URL does not parse",
        },
      ],
    };
  }
  const parsed = new URL(url);
  switch (parsed.protocol) {
    case "smpp:":
      return createSmppChannel(parsed, {
        onDeliver: options.onDeliver,
        onEvent: options.onEvent,
        timings: options.smppTimings,
        maxParts: options.smsMaxParts,
      });
    case "smtp:":
      return createSmtpChannel(parsed, { timings: options.smtpTimings, now });
    case "http:":
    case "https:":
      return createWebhookChannel(parsed, {
        secret: options.webhookSecret,
        timeoutMs: options.webhookTimeoutMs,
        nowSeconds: () => Math.floor(now().getTime() / 1000),
      });
    default:
      return {
        ok: false,
        problems: [
          {
            code: "channel_scheme_unsupported",
            message: `"${parsed.protocol}" is not one of smpp:, smtp:, http:, https:, log`,
          },
        ],
      };
  }
}
