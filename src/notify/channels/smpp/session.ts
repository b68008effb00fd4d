// One TCP connection to an SMSC: framing, sequence numbers, request/response matching with
// timeouts, and the enquire_link heartbeat. Binding and reconnecting belong to client.ts.

import type { Socket } from "node:net";
import { unframe } from "./codec.ts";
import { CommandId, RESPONSE_BIT, Status, statusName } from "./constants.ts";
import { decodePdu, encodePdu, type Pdu, type PduBody } from "./pdu.ts";

export interface SessionOptions {
  requestTimeoutMs: number;
  enquireLinkMs: number;
  /** SMSC-initiated requests (deliver_sm, enquire_link, unbind, unknown commands). */
  onRequest: (pdu: Pdu) => void;
  onClosed: (reason: string) => void;
}

export type RequestOutcome =
  | { ok: true; pdu: Pdu }
  | {
      ok: false;
      code: "smpp_timeout" | "smpp_connection_lost" | "smpp_generic_nack" | "smpp_bad_response";
      message: string;
    };

type RequestBody = Exclude<PduBody, { command: "unknown" }>;

interface Pending {
  expects: number;
  timer: NodeJS.Timeout;
  resolve: (outcome: RequestOutcome) => void;
}

const MAX_SEQUENCE = 0x7fffffff;

export class SmppSession {
  private buffered: Buffer = Buffer.alloc(0);
  private nextSequence = 1;
  private readonly pending = new Map<number, Pending>();
  private heartbeat: NodeJS.Timeout | undefined;
  private closedReason: string | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly options: SessionOptions,
  ) {
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("close", () => this.shutdown("connection closed"));
    socket.on("error", (err) => this.shutdown(`socket error: ${err.message}`));
  }

  get isOpen(): boolean {
    return this.closedReason === undefined;
  }

  request(body: RequestBody): Promise<RequestOutcome> {
    if (this.closedReason !== undefined) {
      return Promise.resolve(lost(this.closedReason));
    }
    const sequence = this.takeSequence();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(sequence);
        resolve({
          ok: false,
          code: "smpp_timeout",
          message: `no ${body.command}_resp within ${this.options.requestTimeoutMs} ms`,
        });
      }, this.options.requestTimeoutMs);
      this.pending.set(sequence, {
        expects: (CommandId[body.command] | RESPONSE_BIT) >>> 0,
        timer,
        resolve,
      });
      this.socket.write(encodePdu({ ...body, status: Status.ESME_ROK, sequence }));
    });
  }

  respond(to: { sequence: number }, body: PduBody, status: number = Status.ESME_ROK): void {
    if (this.closedReason !== undefined) return;
    this.socket.write(encodePdu({ ...body, status, sequence: to.sequence }));
  }

  /** SMSCs drop binds that stay silent; a heartbeat that goes unanswered means a dead link. */
  startHeartbeat(): void {
    this.heartbeat = setInterval(() => {
      void this.request({ command: "enquire_link" }).then((outcome) => {
        if (!outcome.ok && outcome.code === "smpp_timeout") {
          this.destroy("enquire_link went unanswered");
        }
      });
    }, this.options.enquireLinkMs);
    this.heartbeat.unref();
  }

  /** Polite close: unbind, wait (bounded) for unbind_resp, then end the connection. */
  async unbind(): Promise<void> {
    if (this.closedReason !== undefined) return;
    await this.request({ command: "unbind" });
    this.socket.end();
    this.shutdown("unbound");
  }

  destroy(reason: string): void {
    this.socket.destroy();
    this.shutdown(reason);
  }

  private takeSequence(): number {
    const s = this.nextSequence;
    this.nextSequence = s >= MAX_SEQUENCE ? 1 : s + 1;
    return s;
  }

  private onData(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const cut = unframe(this.buffered);
    if (!cut.ok) {
      // The length field is all that delimits PDUs: once it is wrong, nothing after it can be
      // trusted. Tell the SMSC why (§4.3), then drop the link.
      this.respond({ sequence: 0 }, { command: "generic_nack" }, Status.ESME_RINVCMDLEN);
      this.destroy(`invalid command_length ${cut.length}`);
      return;
    }
    this.buffered = Buffer.from(cut.rest);
    for (const raw of cut.frames) {
      if (this.closedReason !== undefined) return;
      this.onFrame(raw);
    }
  }

  private onFrame(raw: Buffer): void {
    const decoded = decodePdu(raw);
    if (!decoded.ok) {
      if ((decoded.commandId & RESPONSE_BIT) !== 0) {
        this.settle(decoded.sequence, {
          ok: false,
          code: "smpp_bad_response",
          message: `${decoded.code}: ${decoded.message}`,
        });
      } else {
        this.respond(decoded, { command: "generic_nack" }, Status.ESME_RINVCMDLEN);
      }
      return;
    }
    const pdu = decoded.pdu;
    if (pdu.command === "generic_nack") {
      this.settle(pdu.sequence, {
        ok: false,
        code: "smpp_generic_nack",
        message: `generic_nack ${statusName(pdu.status)}`,
      });
      return;
    }
    const commandId = pdu.command === "unknown" ? pdu.commandId : CommandId[pdu.command];
    if ((commandId & RESPONSE_BIT) === 0) {
      this.options.onRequest(pdu);
      return;
    }
    const pending = this.pending.get(pdu.sequence);
    if (pending !== undefined && pending.expects !== commandId) {
      this.settle(pdu.sequence, {
        ok: false,
        code: "smpp_bad_response",
        message: `expected command 0x${pending.expects.toString(16)}, got 0x${commandId.toString(16)}`,
      });
      return;
    }
    this.settle(pdu.sequence, { ok: true, pdu });
  }

  /** A response nobody waits for (late, after a timeout) is dropped on purpose. */
  private settle(sequence: number, outcome: RequestOutcome): void {
    const pending = this.pending.get(sequence);
    if (pending === undefined) return;
    this.pending.delete(sequence);
    clearTimeout(pending.timer);
    pending.resolve(outcome);
  }

  private shutdown(reason: string): void {
    if (this.closedReason !== undefined) return;
    this.closedReason = reason;
    if (this.heartbeat !== undefined) clearInterval(this.heartbeat);
    for (const [sequence] of this.pending) this.settle(sequence, lost(reason));
    this.options.onClosed(reason);
  }
}

function lost(reason: string): RequestOutcome {
  return { ok: false, code: "smpp_connection_lost", message: reason };
}
