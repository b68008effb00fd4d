// Keeps one transceiver bind to the SMSC alive: connect, bind, reconnect with exponential
// backoff, and answer what the SMSC sends us (deliver_sm, enquire_link, unbind).

import { connect } from "node:net";
import type { ChannelEventSink, InboundSms } from "../channel.ts";
import type { SmppConfig } from "./config.ts";
import { INTERFACE_VERSION_34, Status, statusName } from "./constants.ts";
import { readDeliverSm } from "./inbound.ts";
import type { Pdu } from "./pdu.ts";
import { SmppSession } from "./session.ts";

export interface SmppTimings {
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  enquireLinkMs: number;
  /** How long a send waits for a bind in progress before giving up (retryable). */
  bindWaitMs: number;
  reconnectInitialMs: number;
  reconnectMaxMs: number;
}

export const DEFAULT_SMPP_TIMINGS: SmppTimings = {
  connectTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  enquireLinkMs: 30_000,
  bindWaitMs: 5_000,
  reconnectInitialMs: 500,
  reconnectMaxMs: 30_000,
};

/**
 * Resolve only once the reply is safely recorded: the deliver_sm_resp waits for it, and a
 * rejection answers ESME_RX_T_APPN so the SMSC delivers the reply again later.
 */
export type DeliverHandler = (sms: InboundSms) => void | Promise<void>;

export type BindOutcome = { ok: true; session: SmppSession } | { ok: false; code: "smpp_not_bound" | "smpp_closed"; message: string };

export class SmppClient {
  private current: { session: SmppSession; bound: boolean } | undefined;
  private readonly waiters = new Set<(outcome: BindOutcome) => void>();
  private reconnectTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private lastError = "not connected yet";
  private closed = false;

  constructor(
    private readonly config: SmppConfig,
    private readonly timings: SmppTimings,
    private readonly onDeliver: DeliverHandler | undefined,
    private readonly onEvent: ChannelEventSink,
  ) {}

  /** Binds eagerly: a customer's reply can only reach us while we hold a bind. */
  start(): void {
    if (this.current === undefined && !this.closed) this.connect();
  }

  bound(): Promise<BindOutcome> {
    if (this.closed) return Promise.resolve(closedOutcome());
    if (this.current?.bound === true) return Promise.resolve({ ok: true, session: this.current.session });
    return new Promise((resolve) => {
      const waiter = (outcome: BindOutcome) => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        waiter({
          ok: false,
          code: "smpp_not_bound",
          message: `no bind within ${this.timings.bindWaitMs} ms (last error: ${this.lastError})`,
        });
      }, this.timings.bindWaitMs);
      this.waiters.add(waiter);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    for (const waiter of [...this.waiters]) waiter(closedOutcome());
    const current = this.current;
    this.current = undefined;
    if (current?.bound === true) await current.session.unbind();
    else current?.session.destroy("closed before bind");
  }

  private connect(): void {
    const socket = connect({ host: this.config.host, port: this.config.port });
    socket.setNoDelay(true);
    const connectTimer = setTimeout(() => {
      session.destroy(`connect timeout after ${this.timings.connectTimeoutMs} ms`);
    }, this.timings.connectTimeoutMs);
    const session: SmppSession = new SmppSession(socket, {
      requestTimeoutMs: this.timings.requestTimeoutMs,
      enquireLinkMs: this.timings.enquireLinkMs,
      onRequest: (pdu) => void this.onRequest(session, pdu),
      onClosed: (reason) => {
        clearTimeout(connectTimer);
        this.onClosed(session, reason);
      },
    });
    this.current = { session, bound: false };
    socket.once("connect", () => {
      clearTimeout(connectTimer);
      void this.bind(session);
    });
  }

  private async bind(session: SmppSession): Promise<void> {
    const outcome = await session.request({
      command: "bind_transceiver",
      systemId: this.config.systemId,
      password: this.config.password,
      systemType: this.config.systemType,
      interfaceVersion: INTERFACE_VERSION_34,
      addrTon: 0,
      addrNpi: 0,
      addressRange: "",
    });
    if (!outcome.ok) return session.destroy(`bind failed: ${outcome.message}`);
    if (outcome.pdu.status !== Status.ESME_ROK) {
      return session.destroy(`bind refused: ${statusName(outcome.pdu.status)}`);
    }
    if (this.current?.session !== session) return session.destroy("superseded");
    this.current.bound = true;
    this.failures = 0;
    session.startHeartbeat();
    this.onEvent({
      channel: "sms",
      code: "smpp_bound",
      message: `bound to ${this.where()}`,
    });
    for (const waiter of [...this.waiters]) waiter({ ok: true, session });
  }

  private onClosed(session: SmppSession, reason: string): void {
    if (this.current?.session !== session) return;
    this.current = undefined;
    this.lastError = reason;
    if (this.closed) return;
    this.failures += 1;
    // Exponential backoff with ±20 % jitter, so that a fleet of engines does not reconnect
    // to a recovering SMSC in lockstep.
    const base = Math.min(this.timings.reconnectMaxMs, this.timings.reconnectInitialMs * 2 ** (this.failures - 1));
    const delay = Math.round(base * (0.8 + Math.random() * 0.4));
    this.onEvent({
      channel: "sms",
      code: "smpp_disconnected",
      message: `${this.where()}: ${reason}; reconnecting in ${delay} ms`,
    });
    this.reconnectTimer = setTimeout(() => this.start(), delay);
    this.reconnectTimer.unref();
  }

  private async onRequest(session: SmppSession, pdu: Pdu): Promise<void> {
    switch (pdu.command) {
      case "enquire_link":
        return session.respond(pdu, { command: "enquire_link_resp" });
      case "unbind":
        session.respond(pdu, { command: "unbind_resp" });
        return session.destroy("unbound by the SMSC");
      case "deliver_sm":
        return session.respond(pdu, { command: "deliver_sm_resp", messageId: "" }, await this.accept(pdu));
      default:
        return session.respond(pdu, { command: "generic_nack" }, Status.ESME_RINVCMDID);
    }
  }

  /** The status to answer a deliver_sm with. */
  private async accept(pdu: Extract<Pdu, { command: "deliver_sm" }>): Promise<number> {
    const inbound = readDeliverSm(pdu);
    if (inbound.kind === "undecodable") {
      this.onEvent({
        channel: "sms",
        code: inbound.code,
        message: inbound.message,
      });
      return Status.ESME_ROK; // redelivery would not make it readable
    }
    if (inbound.kind === "receipt") return Status.ESME_ROK;
    if (this.onDeliver === undefined) {
      this.onEvent({
        channel: "sms",
        code: "smpp_reply_unhandled",
        message: `a reply from ${inbound.sms.from} was dropped: no onDeliver handler`,
      });
      return Status.ESME_ROK;
    }
    try {
      await this.onDeliver(inbound.sms);
      return Status.ESME_ROK;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.onEvent({
        channel: "sms",
        code: "smpp_deliver_handler_failed",
        message,
      });
      return Status.ESME_RX_T_APPN;
    }
  }

  private where(): string {
    return `${this.config.host}:${this.config.port}`;
  }
}

function closedOutcome(): BindOutcome {
  return {
    ok: false,
    code: "smpp_closed",
    message: "the SMS channel is closed",
  };
}
