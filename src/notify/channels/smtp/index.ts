// Public surface of the SMTP adapter.

import type { Configured } from "../channel.ts";
import { SmtpChannel } from "./channel.ts";
import { parseSmtpUrl } from "./config.ts";
import type { SmtpTimings } from "./transaction.ts";

export { SmtpChannel } from "./channel.ts";
export type { SmtpTimings } from "./transaction.ts";

export const DEFAULT_SMTP_TIMINGS: SmtpTimings = {
  connectTimeoutMs: 5_000,
  replyTimeoutMs: 30_000,
};

export interface SmtpChannelOptions {
  timings?: Partial<SmtpTimings>;
  /** The Date header's clock. */
  now?: () => Date;
}

export function createSmtpChannel(url: URL, options: SmtpChannelOptions = {}): Configured<SmtpChannel> {
  const parsed = parseSmtpUrl(url);
  if (!parsed.ok) return parsed;
  const timings = { ...DEFAULT_SMTP_TIMINGS, ...options.timings };
  return {
    ok: true,
    value: new SmtpChannel(parsed.value, timings, options.now ?? (() => new Date())),
  };
}
