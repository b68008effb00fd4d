// A dispatcher on a real SQLite outbox with scripted channels: the dispatcher's tests drive the
// clock and each channel's answers.
import { join } from "node:path";
import type { Period } from "../../src/domain/index.ts";
import { PeriodCalendar } from "../../src/domain/index.ts";
import {
  type Channel,
  type ChannelName,
  type ChannelSet,
  type DispatcherOptions,
  NoticeDispatcher,
  NoticeTemplates,
  type OutboundMessage,
  type SendResult,
} from "../../src/notify/index.ts";
import { openSqliteStore, SqliteOutbox } from "../../src/store/index.ts";
import { samplePayloads } from "./notice-samples.ts";
import { tempDir } from "./temp.ts";

export class ScriptedChannel implements Channel {
  readonly sent: OutboundMessage[] = [];
  /** Answers for the next sends, in order; an empty script accepts. */
  readonly script: (SendResult | Promise<SendResult>)[] = [];

  constructor(readonly name: ChannelName) {}

  async send(m: OutboundMessage): Promise<SendResult> {
    this.sent.push(m);
    return (await this.script.shift()) ?? { ok: true, peerId: `${this.name}-${this.sent.length}` };
  }

  async close(): Promise<void> {}
}

export const PARIS = new PeriodCalendar("Europe/Paris");

export function noticeRig(name: string, options: Partial<DispatcherOptions> = {}, channels: Partial<Record<keyof ChannelSet, ScriptedChannel>> = {}) {
  const store = openSqliteStore(join(tempDir(), `${name}.db`));
  const outbox = new SqliteOutbox(store.db);
  const loaded = NoticeTemplates.load({ currency: "EUR", selfCareUrl: "https://self-care.example" });
  if (!loaded.ok) throw new Error("templates do not load");
  const clock = { now: Date.parse("2009-10-20T10:00:00+02:00") };
  const sms = channels.sms ?? new ScriptedChannel("sms");
  const set: ChannelSet = { sms, email: channels.email, webhook: channels.webhook };
  const dispatcher = new NoticeDispatcher({
    outbox,
    templates: loaded.templates,
    channels: set,
    now: () => clock.now,
    periodEnd: (p: Period) => PARIS.endOf(p),
    options: { random: () => 0.5, backoffBaseMs: 1_000, backoffMaxMs: 60_000, maxAttempts: 4, ...options },
  });
  /** Writes the sample payload `sample` (by name) as an outbox row. */
  const enqueue = async (sample: string, key = sample, opts: { urgent?: boolean; lineId?: string } = {}) => {
    const found = samplePayloads("fr").find((s) => s.name === sample);
    if (!found) throw new Error(`no sample ${sample}`);
    const lineId = opts.lineId ?? "VAL-0001";
    const written = await outbox.enqueue({
      key: `${lineId}:2009-10:${key}`,
      lineId,
      accountId: "A-VALENCIENNES",
      period: "2009-10" as Period,
      kind: String(found.payload.kind),
      urgent: opts.urgent ?? false,
      payload: JSON.stringify({ ...found.payload, line_id: lineId }),
      createdAt: new Date(clock.now).toISOString(),
    });
    return written.id;
  };
  return { store, outbox, dispatcher, clock, sms, enqueue, close: () => store.close() };
}
