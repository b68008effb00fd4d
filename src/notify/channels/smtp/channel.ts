// The e-mail channel: a notice → one MIME message → one SMTP transaction.

import { type Channel, failure, type OutboundMessage, type SendResult } from "../channel.ts";
import { MAILBOX, type SmtpConfig } from "./config.ts";
import { buildMessage } from "./mime.ts";
import { type SmtpTimings, transmit } from "./transaction.ts";

export class SmtpChannel implements Channel {
  readonly name = "email";
  private closed = false;

  constructor(
    private readonly config: SmtpConfig,
    private readonly timings: SmtpTimings,
    private readonly now: () => Date,
  ) {}

  async send(m: OutboundMessage): Promise<SendResult> {
    if (this.closed) return failure("smtp_closed", "the e-mail channel is closed", false);
    if (!MAILBOX.test(m.to)) {
      return failure("invalid_recipient", `"${m.to}" is not a plain e-mail address`, false);
    }
    return transmit(this.config, m.to, buildMessage(m, this.config.from, this.now()), this.timings);
  }

  /** Nothing to release: every send opens and closes its own connection. */
  async close(): Promise<void> {
    this.closed = true;
  }
}
