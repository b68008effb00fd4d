// One SMTP session per message: greeting, EHLO, AUTH PLAIN, MAIL, RCPT, DATA, QUIT.
// A connection per notice is slower than a pool, but notices are rare and it leaves no
// half-dead connection to babysit.

import { connect } from "node:net";
import { delivered, failure, type SendResult } from "../channel.ts";
import type { SmtpConfig } from "./config.ts";
import { dotStuff } from "./encoding.ts";
import type { BuiltMessage } from "./mime.ts";
import { type Reply, ReplyReader } from "./replies.ts";

export interface SmtpTimings {
  connectTimeoutMs: number;
  /** RFC 5321 §4.5.3.2 suggests minutes; a notice dispatcher would rather retry sooner. */
  replyTimeoutMs: number;
}

interface Step {
  name: string;
  /** What is sent; undefined for the greeting, which the server volunteers. */
  command: string | undefined;
  expect: readonly number[];
  /** Error code when the server says no; 4xx makes it retryable, 5xx final. */
  code: string;
}

export async function transmit(config: SmtpConfig, recipient: string, message: BuiltMessage, timings: SmtpTimings): Promise<SendResult> {
  const socket = connect({
    host: config.host,
    port: config.port,
    timeout: timings.connectTimeoutMs,
  });
  const replies = new ReplyReader(socket);
  socket.once("timeout", () => socket.destroy(new Error("connect timeout")));
  socket.once("connect", () => socket.setTimeout(0));

  const steps: Step[] = [
    {
      name: "greeting",
      command: undefined,
      expect: [220],
      code: "smtp_unavailable",
    },
    {
      name: "EHLO",
      command: `EHLO ${config.helo}`,
      expect: [250],
      code: "smtp_ehlo_refused",
    },
    ...(config.credentials === undefined
      ? []
      : [
          {
            name: "AUTH",
            command: `AUTH PLAIN ${authPlain(config.credentials)}`,
            expect: [235],
            code: "smtp_auth_failed",
          },
        ]),
    {
      name: "MAIL",
      command: `MAIL FROM:<${config.from.address}>`,
      expect: [250],
      code: "smtp_sender_rejected",
    },
    {
      name: "RCPT",
      command: `RCPT TO:<${recipient}>`,
      expect: [250, 251],
      code: "smtp_recipient_rejected",
    },
    { name: "DATA", command: "DATA", expect: [354], code: "smtp_data_refused" },
    // After this "250" the message is the server's; if the link breaks before it, a retry may
    // duplicate the mail — which the stable Message-ID lets the receiver detect.
    {
      name: "end of data",
      command: endOfData(message.data),
      expect: [250],
      code: "smtp_message_rejected",
    },
  ];

  try {
    let last: Reply | undefined;
    for (const step of steps) {
      if (step.command !== undefined) socket.write(`${step.command}\r\n`);
      const outcome = await replies.next(timings.replyTimeoutMs);
      if (!outcome.ok) {
        const retryable = outcome.code !== "smtp_protocol_error";
        return failure(outcome.code, `${step.name}: ${outcome.message}`, retryable);
      }
      if (!step.expect.includes(outcome.reply.code)) return refused(step, outcome.reply);
      last = outcome.reply;
    }
    // The message is already accepted; QUIT is a courtesy not worth a long wait.
    socket.write("QUIT\r\n");
    await replies.next(Math.min(timings.replyTimeoutMs, 1_000));
    return delivered(queueId(last) ?? message.messageId);
  } finally {
    socket.destroy();
  }
}

function refused(step: Step, reply: Reply): SendResult {
  const text = `${step.name} answered ${reply.code} ${reply.lines.join(" ")}`.trim();
  if (reply.code >= 400 && reply.code < 500) return failure(step.code, text, true);
  if (reply.code >= 500 && reply.code < 600) return failure(step.code, text, false);
  return failure("smtp_protocol_error", text, false);
}

/** "250 2.0.0 Ok: queued as 4BYLZf0Z" → the relay's own id, the best trace for operators. */
function queueId(reply: Reply | undefined): string | undefined {
  return /queued as (\S+)/i.exec(reply?.lines.join(" ") ?? "")?.[1];
}

/** The terminating "." must start a line of its own, without adding an empty line to the body. */
function endOfData(data: string): string {
  const stuffed = dotStuff(data);
  return `${stuffed}${stuffed.endsWith("\r\n") ? "" : "\r\n"}.`;
}

function authPlain(c: { user: string; password: string }): string {
  return Buffer.from(`\0${c.user}\0${c.password}`, "utf8").toString("base64");
}
