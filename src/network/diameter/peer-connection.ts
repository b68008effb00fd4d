// One transport connection to one peer: framing, the peer state machine (RFC 6733 §5.6,
// without election since we never connect to a peer that also connects to us), watchdog,
// and request/answer matching. Used for both accepted (responder) and opened (initiator) links.
import type { Socket } from "node:net";
import { avp } from "./avp-build.ts";
import { isAvp } from "./avp-read.ts";
import { baseCommandName, ceaAnswer, cerRequest, dpaAnswer, dprRequest, dwaAnswer, dwrRequest, identityOf } from "./base-messages.ts";
import type { PeerCapabilities } from "./capabilities.ts";
import { decodeMessage, encodeMessage } from "./codec-message.ts";
import { ApplicationId, CommandCode, DisconnectCause, ResultCode } from "./codes.ts";
import type { PeerSettings } from "./config.ts";
import * as Base from "./dict-base.ts";
import { dispatchRequest } from "./dispatch.ts";
import { errorAnswer, problemAnswer } from "./error-answer.ts";
import type { BaseCommandName, CloseReason } from "./events.ts";
import { MessageFramer } from "./framer.ts";
import { IdGenerator } from "./ids.ts";
import { acceptCer, answerProblems, checkCea, type HandshakeError } from "./peer-handshake.ts";
import type { Peer, PeerRole, PeerState, RequestError, RequestOptions, RequestSpec } from "./peer-types.ts";
import { PendingRequests } from "./pending.ts";
import { resultCodeOf } from "./problems.ts";
import { type DiameterMessage, err, type Result } from "./types.ts";
import { Watchdog } from "./watchdog.ts";

type Outcome = Result<DiameterMessage, RequestError>;

export class PeerConnection implements Peer {
  state: PeerState = "closed";
  remote: PeerCapabilities | undefined;
  applications: ReadonlySet<number> = new Set();
  readonly remoteAddress: string;
  readonly remotePort: number;

  private readonly framer: MessageFramer;
  private readonly pending = new PendingRequests();
  private readonly ids = new IdGenerator(Math.floor(Date.now() / 1000));
  private readonly watchdog: Watchdog;
  private capabilitiesTimer: NodeJS.Timeout | undefined;
  private readonly closed: Promise<void>;
  private markClosed: () => void = () => {};
  private finished = false;

  constructor(
    private readonly socket: Socket,
    readonly role: PeerRole,
    private readonly settings: PeerSettings,
  ) {
    this.remoteAddress = socket.remoteAddress ?? "";
    this.remotePort = socket.remotePort ?? 0;
    this.framer = new MessageFramer(settings.maxMessageLength);
    this.closed = new Promise((resolve) => {
      this.markClosed = resolve;
    });
    this.watchdog = new Watchdog(
      settings.timers.watchdogMs,
      () => this.probe(),
      () => this.close("watchdog_timeout"),
    );
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("error", () => this.close("socket_error"));
    socket.on("close", () => this.close(this.state === "closing" ? "local_disconnect" : "remote_closed"));
  }

  /** Responder: the peer must send CER within the capabilities timeout. */
  awaitCer(): void {
    this.state = "wait_cer";
    this.capabilitiesTimer = setTimeout(() => this.close("capabilities_timeout"), this.settings.timers.capabilitiesTimeoutMs);
    this.capabilitiesTimer.unref();
  }

  /** Initiator: CER, then CEA decides. */
  async exchangeCapabilities(): Promise<Result<void, HandshakeError>> {
    this.state = "wait_cea";
    const caps = this.settings.capabilities;
    const outcome = await this.send(cerRequest(caps, this.socket.localAddress), this.settings.timers.capabilitiesTimeoutMs);
    if (!outcome.ok) {
      this.close("capabilities_timeout");
      const code = outcome.error.code === "timeout" ? "capabilities_timeout" : "connection_closed";
      return err({ code, message: outcome.error.message });
    }
    const verdict = checkCea(outcome.value, this.settings);
    if (!verdict.ok) {
      this.close("capabilities_rejected");
      return verdict;
    }
    this.remote = verdict.value.remote;
    this.open(verdict.value.applications);
    return { ok: true, value: undefined };
  }

  request(spec: RequestSpec, options: RequestOptions = {}): Promise<Outcome> {
    if (this.state !== "open") {
      return Promise.resolve(err({ code: "not_open", message: `peer is ${this.state}` }));
    }
    return this.send(spec, options.timeoutMs ?? this.settings.timers.requestTimeoutMs);
  }

  async disconnect(cause: number = DisconnectCause.rebooting): Promise<void> {
    if (this.state === "open") {
      this.state = "closing";
      await this.send(dprRequest(this.settings.capabilities, cause), this.settings.timers.disconnectTimeoutMs);
    }
    this.close("local_disconnect", true);
    return this.closed;
  }

  private open(applications: ReadonlySet<number>): void {
    this.applications = applications;
    this.state = "open";
    this.watchdog.start();
    this.settings.onEvent({ type: "peer_open", peer: this });
  }

  private send(spec: RequestSpec, timeoutMs: number): Promise<Outcome> {
    const caps = this.settings.capabilities;
    const hopByHopId = this.ids.nextHopByHop();
    const message: DiameterMessage = {
      flags: {
        request: true,
        proxiable: spec.proxiable ?? spec.applicationId !== ApplicationId.common,
        error: false,
        retransmitted: spec.retransmitted ?? false,
      },
      commandCode: spec.commandCode,
      applicationId: spec.applicationId,
      hopByHopId,
      endToEndId: spec.endToEndId ?? this.ids.nextEndToEnd(),
      avps: withOrigin(spec.avps, caps.originHost, caps.originRealm),
    };
    // Encode first: an unencodable request is the caller's bug and must not leave a pending entry.
    const bytes = encodeMessage(message);
    const outcome = this.pending.wait(hopByHopId, timeoutMs);
    this.writeBytes(bytes, message);
    return outcome;
  }

  private write(message: DiameterMessage): void {
    this.writeBytes(encodeMessage(message), message);
  }

  private writeBytes(bytes: Buffer, message: DiameterMessage): void {
    if (this.socket.destroyed || !this.socket.writable) return;
    this.socket.write(bytes);
    this.report("out", message);
  }

  /**
   * An answer a handler built but that cannot be encoded (a 20 MB OctetString, a bad value
   * slipped past the types) still gets an answer: 5012, and the failure is reported.
   */
  private writeAnswer(answer: DiameterMessage): void {
    let bytes: Buffer;
    try {
      bytes = encodeMessage(answer);
    } catch (error) {
      this.settings.onEvent({ type: "handler_failed", peer: this, error });
      const identity = identityOf(this.settings.capabilities);
      this.write(errorAnswer(answer, identity, ResultCode.unableToComply, { message: "the answer could not be encoded" }));
      return;
    }
    this.writeBytes(bytes, answer);
  }

  private report(direction: "in" | "out", message: DiameterMessage): void {
    const name: BaseCommandName | undefined = baseCommandName(message);
    if (name !== undefined) {
      this.settings.onEvent({
        type: "base_message",
        peer: this,
        direction,
        name,
      });
    }
  }

  private probe(): void {
    void this.send(dwrRequest(this.settings.capabilities), this.settings.timers.watchdogMs);
  }

  private onData(chunk: Buffer): void {
    for (const event of this.framer.push(chunk)) {
      if (this.state === "closed") return;
      if (event.kind === "fatal") {
        // The stream cannot be resynchronised: answer if we can, then drop the connection.
        if (event.header.flags.request) {
          const { problem } = event;
          this.write(
            errorAnswer(event.header, identityOf(this.settings.capabilities), resultCodeOf(problem), {
              message: problem.message,
            }),
          );
        }
        this.close("framing_error", true);
        return;
      }
      this.onMessage(event.bytes);
    }
  }

  private onMessage(bytes: Buffer): void {
    this.watchdog.activity();
    const decoded = decodeMessage(bytes);
    const identity = identityOf(this.settings.capabilities);
    if (!decoded.ok) {
      const { header, problem } = decoded.error;
      if (header === undefined) return;
      if (header.flags.request) {
        const answer = problemAnswer(header, identity, [problem], this.settings.dictionary);
        if (answer !== undefined) this.write(answer);
      } else {
        // Fail the waiting request now rather than let it run into its timeout.
        this.pending.fail(header.hopByHopId, { code: "invalid_answer", message: problem.message });
      }
      return;
    }
    const message = decoded.value;
    this.report("in", message);
    if (message.flags.request) this.onRequest(message);
    else this.onAnswer(message);
  }

  private onAnswer(message: DiameterMessage): void {
    const problems = answerProblems(message, this.settings.dictionary);
    const matched =
      problems.length === 0
        ? this.pending.answer(message)
        : this.pending.fail(message.hopByHopId, {
            code: "invalid_answer",
            message: problems.map((p) => p.message).join("; "),
          });
    if (!matched) {
      this.settings.onEvent({
        type: "unmatched_answer",
        peer: this,
        hopByHopId: message.hopByHopId,
      });
    }
  }

  private onRequest(message: DiameterMessage): void {
    const caps = this.settings.capabilities;
    const base = message.applicationId === ApplicationId.common ? message.commandCode : undefined;
    if (this.state === "wait_cer") {
      if (base === CommandCode.capabilitiesExchange) this.onCer(message);
      else this.close("protocol_violation");
      return;
    }
    if (this.state === "wait_cea" || this.state === "closed") {
      this.close("protocol_violation");
      return;
    }
    switch (base) {
      case CommandCode.deviceWatchdog:
        this.write(dwaAnswer(message, caps));
        return;
      case CommandCode.disconnectPeer:
        this.write(dpaAnswer(message, caps));
        this.close("dpr_received", true);
        return;
      case CommandCode.capabilitiesExchange:
        // A second CER on an open connection: refuse it, keep the connection (RFC 6733 §5.6).
        this.write(ceaAnswer(message, caps, this.socket.localAddress, ResultCode.unableToComply, "already open"));
        return;
    }
    void dispatchRequest(message, this, {
      identity: identityOf(caps),
      scope: {
        dictionary: this.settings.dictionary,
        applications: this.applications,
      },
      handlers: this.settings.handlers,
      admission: this.settings.admission,
      onEvent: this.settings.onEvent,
    }).then((answer) => this.writeAnswer(answer));
  }

  private onCer(message: DiameterMessage): void {
    clearTimeout(this.capabilitiesTimer);
    const verdict = acceptCer(message, this.settings, this.socket.localAddress);
    this.write(verdict.answer);
    this.remote = verdict.remote;
    if (verdict.applications === undefined) {
      const resultCode = verdict.resultCode;
      this.settings.onEvent({
        type: "peer_rejected",
        peer: this,
        resultCode,
        message: verdict.message,
      });
      this.close("capabilities_rejected", true);
      return;
    }
    this.open(verdict.applications);
  }

  private close(reason: CloseReason, graceful = false): void {
    if (this.finished) return;
    this.finished = true;
    this.state = "closed";
    this.watchdog.stop();
    clearTimeout(this.capabilitiesTimer);
    this.capabilitiesTimer = undefined;
    this.pending.failAll({ code: "peer_closed", message: reason });
    if (graceful && !this.socket.destroyed) {
      // end() flushes what is queued (the DPA, the refusing CEA) before the FIN.
      this.socket.end();
      setTimeout(() => this.socket.destroy(), this.settings.timers.disconnectTimeoutMs).unref();
    } else {
      this.socket.destroy();
    }
    this.settings.onEvent({ type: "peer_closed", peer: this, reason });
    this.markClosed();
  }
}

/** Origin-Host and Origin-Realm go right after Session-Id, which must stay first. */
const withOrigin = (avps: RequestSpec["avps"], originHost: string, originRealm: string): RequestSpec["avps"] => {
  if (avps.some((a) => isAvp(a, Base.OriginHost))) return avps;
  const origin = [avp(Base.OriginHost, originHost), avp(Base.OriginRealm, originRealm)];
  const first = avps[0];
  if (first !== undefined && isAvp(first, Base.SessionId)) {
    return [first, ...origin, ...avps.slice(1)];
  }
  return [...origin, ...avps];
};
