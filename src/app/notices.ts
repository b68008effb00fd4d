import { type Period, parsePeriod } from "../domain/index.ts";
import type { ChargingEngine, Clock } from "../engine/index.ts";
import { consentNoticeRow, consentTarget, externalNoticeRow, type InboundSms, isConsentReply, type NoticeRequest } from "../notify/index.ts";
import type { Attempt, ConsentRow, JournalBatch, OutboxEntry, OutboxFilter, OutboxStore } from "../store/index.ts";
import { UserError } from "./errors.ts";
import { type NotifyConfig, type NotifyRuntime, startNotifyRuntime } from "./notify-runtime.ts";

export interface ConsentOutcome {
  readonly consent: ConsentRow;
  /** False when the customer had already consented to this cap in this period. */
  readonly recorded: boolean;
  readonly noticeId: number;
}

/**
 * Notices as people work with them: the outbox (list, show, replay a dead letter), notices
 * other features enqueue, consents (HTTP, CLI, SMS reply) and, in a server, the dispatcher.
 */
export class NoticeDesk {
  private runtime: NotifyRuntime | undefined;
  // Most batches carry no notice: only those that do are worth a pass before the next sweep.
  private readonly wakeOnCommit = (batch: JournalBatch) => {
    if (batch.outbox.length > 0) this.wake();
  };

  constructor(
    private readonly engine: ChargingEngine,
    readonly outbox: OutboxStore,
    private readonly clock: Clock,
  ) {}

  /** Starts sending: channels, dispatcher, wake-up on every commit. */
  start(config: NotifyConfig): NotifyRuntime {
    if (this.runtime) return this.runtime;
    const onEvent = config.onEvent ?? (() => {});
    this.runtime = startNotifyRuntime(this.engine, this.outbox, this.clock, this.engine.catalog.currency, config, (sms) =>
      this.onSmsReply(sms).then((r) => onEvent({ code: r.code, message: r.message })),
    );
    this.engine.events.on("committed", this.wakeOnCommit);
    this.runtime.dispatcher.start();
    return this.runtime;
  }

  /** Waits for the sends in flight, then closes the channels. */
  async stop(): Promise<void> {
    const runtime = this.runtime;
    if (!runtime) return;
    this.runtime = undefined;
    this.engine.events.off("committed", this.wakeOnCommit);
    await runtime.dispatcher.stop();
    const { sms, email, webhook } = runtime.channels;
    await Promise.all([sms?.close(), email?.close(), webhook?.close()]);
  }

  wake(): void {
    this.runtime?.dispatcher.wake();
  }

  /** Resolves when nothing is due any more (tests and benchmarks). */
  async idle(): Promise<void> {
    await this.runtime?.dispatcher.idle();
  }

  list(filter: OutboxFilter): Promise<OutboxEntry[]> {
    return this.outbox.list(filter);
  }

  async show(id: number): Promise<{ entry: OutboxEntry; attempts: Attempt[] }> {
    const entry = await this.outbox.get(id);
    if (!entry) throw new UserError("unknown_notice", `no notice ${id} in the outbox`);
    return { entry, attempts: await this.outbox.attempts(id) };
  }

  async replay(id: number, actor: string): Promise<OutboxEntry> {
    const result = await this.outbox.replay(id, actor, this.nowIso());
    if (!result.ok) throw new UserError(result.code, result.message);
    this.wake();
    return result.entry;
  }

  /** For the invoicing, anomaly and migration features: a notice outside usage. */
  async enqueue(lineId: string, request: NoticeRequest): Promise<{ id: number; inserted: boolean }> {
    const line = this.engine.lines.get(lineId);
    if (!line) throw new UserError("unknown_line", `no line ${lineId}`);
    const row = externalNoticeRow(line.record, request, this.nowIso());
    if (!row.ok) throw new UserError(row.code, row.message);
    const written = await this.outbox.enqueue(row.row);
    this.wake();
    return written;
  }

  /**
   * A customer's consent to continue past a blocking cap in a period (the current one by
   * default): recorded with who, when and how, the cap re-armed (guard/rearm.ts), and confirmed.
   */
  async consent(lineId: string, capId: string, actor: string, channel: string, periodText?: string): Promise<ConsentOutcome> {
    const period = periodText === undefined ? this.engine.calendar.periodOf(this.clock.now()) : parsePeriod(periodText);
    if (!period) throw new UserError("invalid_period", `"${periodText}" is not a period: use YYYY-MM`);
    const line = this.engine.lines.get(lineId);
    if (!line) throw new UserError("unknown_line", `no line ${lineId}`);
    const effective = line.caps.find((c) => c.cap.id === capId);
    if (!effective) throw new UserError("unknown_cap", `line ${lineId} has no cap ${capId}`);
    if (effective.cap.action !== "block")
      throw new UserError("cap_not_blocking", `cap ${capId} ${effective.cap.action}s, it does not cut off: there is nothing to consent to`);
    const already = this.engine.countersOf(lineId, period)?.isConsented(capId) ?? false;
    const result = await this.engine.consent(lineId, capId, period, actor, channel);
    if (!result.ok) throw new UserError(result.code, result.message);
    const written = await this.outbox.enqueue(consentNoticeRow(line.record, line.plan, effective, result.consent, this.nowIso()));
    this.wake();
    return { consent: result.consent, recorded: !already, noticeId: written.id };
  }

  /** An SMS from a customer: "OUI" after a cut-off is a consent; anything else is left for a person. */
  async onSmsReply(sms: InboundSms): Promise<{ code: string; message: string }> {
    if (!isConsentReply(sms.text)) return { code: "sms_reply_ignored", message: `a reply from ${sms.from} is not a consent keyword` };
    const target = consentTarget(this.engine, sms, this.clock.now());
    if (!target.ok) return target;
    // A store failure throws: the SMPP client then answers ESME_RX_T_APPN and the SMSC retries.
    const outcome = await this.consent(target.lineId, target.capId, `msisdn:${sms.from}`, "sms", target.period as Period);
    return {
      code: "sms_consent_recorded",
      message: `line ${target.lineId} consented to pass ${target.capId} in ${target.period} (notice ${outcome.noticeId})`,
    };
  }

  private nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }
}
