// Public surface of the webhook adapter.

import type { Configured } from "../channel.ts";
import { WebhookChannel } from "./channel.ts";

export { WebhookChannel } from "./channel.ts";
export {
  type SignatureCheck,
  signWebhook,
  verifyWebhookSignature,
} from "./signature.ts";

export interface WebhookChannelOptions {
  /** HMAC key shared with the receiver; at least 16 characters. */
  secret?: string;
  timeoutMs?: number;
  /** The signature timestamp's clock, in unix seconds. */
  nowSeconds?: () => number;
}

const MIN_SECRET_LENGTH = 16;

export function createWebhookChannel(url: URL, options: WebhookChannelOptions): Configured<WebhookChannel> {
  const secret = options.secret ?? "";
  if (secret.length < MIN_SECRET_LENGTH) {
    return {
      ok: false,
      problems: [
        {
          code: "webhook_secret_missing",
          message: `a webhook needs a signing secret of at least ${MIN_SECRET_LENGTH} characters`,
        },
      ],
    };
  }
  const config = {
    endpoint: url,
    secret,
    timeoutMs: options.timeoutMs ?? 10_000,
  };
  const now = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  return { ok: true, value: new WebhookChannel(config, now) };
}
