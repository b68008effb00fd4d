// The webhook channel: a notice → one signed JSON POST.

import { type Channel, delivered, failure, type OutboundMessage, type SendResult } from "../channel.ts";
import { signWebhook } from "./signature.ts";

export interface WebhookConfig {
  /** Where notices go unless a message names its own http(s) URL in `to`. */
  endpoint: URL;
  secret: string;
  timeoutMs: number;
}

export class WebhookChannel implements Channel {
  readonly name = "webhook";
  private closed = false;

  constructor(
    private readonly config: WebhookConfig,
    private readonly nowSeconds: () => number,
  ) {}

  async send(m: OutboundMessage): Promise<SendResult> {
    if (this.closed) return failure("webhook_closed", "the webhook channel is closed", false);
    const target = m.to === "" ? this.config.endpoint : httpUrl(m.to);
    if (target === undefined) {
      return failure("invalid_recipient", `"${m.to}" is not an http(s) URL`, false);
    }
    const body = JSON.stringify(m.json ?? defaultPayload(m));
    const timestamp = this.nowSeconds();
    let response: Response;
    try {
      response = await fetch(target, {
        method: "POST",
        // A redirected POST would lose its body or its signature's meaning; report it instead.
        redirect: "manual",
        signal: AbortSignal.timeout(this.config.timeoutMs),
        headers: {
          "Content-Type": "application/json",
          "User-Agent": "garde-fou-webhook/1",
          "Idempotency-Key": m.idempotencyKey,
          "X-Gardefou-Timestamp": String(timestamp),
          "X-Gardefou-Signature": signWebhook(this.config.secret, timestamp, body),
        },
        body,
      });
    } catch (e) {
      return transportFailure(e, this.config.timeoutMs);
    }
    // Drain the body so the connection returns to the pool; its content is not needed.
    await response.arrayBuffer().catch(() => undefined);
    return outcome(response, m.idempotencyKey);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

function outcome(response: Response, idempotencyKey: string): SendResult {
  const status = response.status;
  if (status >= 200 && status < 300) {
    return delivered(response.headers.get("x-request-id") ?? idempotencyKey);
  }
  const text = `the receiver answered HTTP ${status}`;
  if (status === 429) return failure("webhook_throttled", text, true);
  if (status >= 500) return failure("webhook_server_error", text, true);
  if (status >= 300 && status < 400) return failure("webhook_redirected", text, false);
  return failure("webhook_rejected", text, false);
}

function transportFailure(e: unknown, timeoutMs: number): SendResult {
  if (e instanceof DOMException && e.name === "TimeoutError") {
    return failure("webhook_timeout", `no answer within ${timeoutMs} ms`, true);
  }
  const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : "";
  const message = e instanceof Error ? e.message : String(e);
  return failure("webhook_unreachable", `${message}${cause}`, true);
}

function defaultPayload(m: OutboundMessage): Record<string, unknown> {
  return {
    idempotency_key: m.idempotencyKey,
    subject: m.subject,
    text: m.text,
    urgent: m.urgent,
  };
}

export function httpUrl(raw: string): URL | undefined {
  if (!URL.canParse(raw)) return undefined;
  const url = new URL(raw);
  return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
}
