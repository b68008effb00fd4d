// Reads SMTP replies (RFC 5321 §4.2): "250-first", "250-more", "250 last" make one reply.

import type { Socket } from "node:net";

export interface Reply {
  code: number;
  lines: string[];
}

export type ReplyOutcome =
  | { ok: true; reply: Reply }
  | {
      ok: false;
      code: "smtp_timeout" | "smtp_connection_lost" | "smtp_protocol_error";
      message: string;
    };

export class ReplyReader {
  private buffered = "";
  private lines: string[] = [];
  private readonly replies: ReplyOutcome[] = [];
  private waiter: ((outcome: ReplyOutcome) => void) | undefined;
  private ended: string | undefined;

  constructor(socket: Socket) {
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => this.onData(chunk));
    socket.on("close", () => this.end("the server closed the connection"));
    socket.on("error", (err) => this.end(`socket error: ${err.message}`));
  }

  next(timeoutMs: number): Promise<ReplyOutcome> {
    const queued = this.replies.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.ended !== undefined) {
      return Promise.resolve({
        ok: false,
        code: "smtp_connection_lost",
        message: this.ended,
      });
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve({
          ok: false,
          code: "smtp_timeout",
          message: `no reply within ${timeoutMs} ms`,
        });
      }, timeoutMs);
      this.waiter = (outcome) => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(outcome);
      };
    });
  }

  private onData(chunk: string): void {
    this.buffered += chunk;
    let eol = this.buffered.indexOf("\n");
    while (eol >= 0) {
      const line = this.buffered.slice(0, eol).replace(/\r$/, "");
      this.buffered = this.buffered.slice(eol + 1);
      this.onLine(line);
      eol = this.buffered.indexOf("\n");
    }
  }

  private onLine(line: string): void {
    const match = /^(\d{3})([ -]|$)(.*)$/.exec(line);
    if (match === null) {
      this.push({
        ok: false,
        code: "smtp_protocol_error",
        message: `not an SMTP reply: ${line}`,
      });
      return;
    }
    this.lines.push(match[3] ?? "");
    if (match[2] === "-") return;
    this.push({
      ok: true,
      reply: { code: Number(match[1]), lines: this.lines },
    });
    this.lines = [];
  }

  private push(outcome: ReplyOutcome): void {
    if (this.waiter !== undefined) this.waiter(outcome);
    else this.replies.push(outcome);
  }

  private end(reason: string): void {
    if (this.ended !== undefined) return;
    this.ended = reason;
    this.waiter?.({ ok: false, code: "smtp_connection_lost", message: reason });
  }
}
