// The embedded default channel: one JSON line per notice on a stream, so the product runs (and
// its notices can be read) without an SMSC or a mail relay.

import type { Writable } from "node:stream";
import { type Channel, delivered, failure, type OutboundMessage, type SendResult } from "../channel.ts";

export class LogChannel implements Channel {
  readonly name = "log";
  private closed = false;

  constructor(
    private readonly stream: Writable,
    private readonly now: () => Date,
  ) {}

  send(m: OutboundMessage): Promise<SendResult> {
    if (this.closed) return Promise.resolve(failure("log_closed", "the log channel is closed", false));
    const line = JSON.stringify({
      at: this.now().toISOString(),
      channel: "log",
      idempotency_key: m.idempotencyKey,
      to: m.to,
      subject: m.subject,
      text: m.text,
      has_html: m.html !== undefined,
      json: m.json,
      urgent: m.urgent,
    });
    return new Promise((resolve) => {
      this.stream.write(`${line}\n`, (err) => {
        resolve(err == null ? delivered(`log:${m.idempotencyKey}`) : failure("log_write_failed", err.message, true));
      });
    });
  }

  /** The stream belongs to the caller (often stdout), so it is left open. */
  async close(): Promise<void> {
    this.closed = true;
  }
}
