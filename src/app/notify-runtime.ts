import type { Writable } from "node:stream";
import type { ChargingEngine, Clock } from "../engine/index.ts";
import {
  type Channel,
  type ChannelSet,
  type ConfigProblem,
  channelFromUrl,
  type DeliverHandler,
  type DispatcherOptions,
  NoticeDispatcher,
  NoticeTemplates,
  parseQuietHours,
  type SmppTimings,
  type SmtpTimings,
} from "../notify/index.ts";
import type { OutboxStore } from "../store/index.ts";
import { UserError } from "./errors.ts";

/** How notices leave: channel URLs, the self-care link the texts give, quiet hours. */
export interface NotifyConfig {
  /** `smpp://system_id:password@host:port?source=…`; without it SMS texts go to the log channel. */
  readonly smpp?: string | undefined;
  /** `smtp://host:port?from=…` (`from` defaults to alertes@garde-fou.localhost). */
  readonly smtp?: string | undefined;
  readonly webhook?: string | undefined;
  readonly webhookSecret?: string | undefined;
  readonly selfCareUrl?: string | undefined;
  /** "21:00-08:00": non-urgent notices wait until the end of the window. */
  readonly quietHours?: string | undefined;
  /** Default: the catalog's billing time zone (Europe/Paris). */
  readonly quietHoursTimeZone?: string | undefined;
  /** Where the log channel writes (default: standard output). */
  readonly logStream?: Writable;
  readonly templatesDir?: string;
  readonly dispatcher?: Partial<DispatcherOptions>;
  readonly smppTimings?: Partial<SmppTimings>;
  readonly smtpTimings?: Partial<SmtpTimings>;
  /** Reconnections, dead letters, replies that could not be read: a log line each. */
  readonly onEvent?: (event: { code: string; message: string }) => void;
}

export const DEFAULT_SELF_CARE_URL = "https://self-care.garde-fou.example";
const DEFAULT_MAIL_FROM = "alertes@garde-fou.localhost";

export interface NotifyRuntime {
  readonly dispatcher: NoticeDispatcher;
  readonly channels: ChannelSet;
}

/** Builds the channels and the dispatcher; every configuration problem is reported at once. */
export function startNotifyRuntime(
  engine: ChargingEngine,
  outbox: OutboxStore,
  clock: Clock,
  currency: string,
  config: NotifyConfig,
  onDeliver: DeliverHandler,
): NotifyRuntime {
  const problems: ConfigProblem[] = [];
  const onEvent = config.onEvent ?? (() => {});
  const templates = NoticeTemplates.load({
    currency,
    selfCareUrl: config.selfCareUrl ?? DEFAULT_SELF_CARE_URL,
    ...(config.templatesDir ? { dir: config.templatesDir } : {}),
  });
  if (!templates.ok) problems.push(...templates.problems);
  const quiet = config.quietHours ? parseQuietHours(config.quietHours, config.quietHoursTimeZone ?? engine.catalog.timeZone) : undefined;
  if (quiet && !quiet.ok) problems.push(quiet);
  const now = () => new Date(clock.now());
  const made: Channel[] = [];
  const make = (url: string | undefined): Channel | undefined => {
    if (url === undefined) return undefined;
    const c = channelFromUrl(url, {
      onDeliver,
      onEvent,
      now,
      webhookSecret: config.webhookSecret,
      smppTimings: config.smppTimings,
      smtpTimings: config.smtpTimings,
      logStream: config.logStream,
    });
    if (!c.ok) problems.push(...c.problems);
    else made.push(c.value);
    return c.ok ? c.value : undefined;
  };
  const channels: ChannelSet = {
    sms: make(config.smpp ?? "log"),
    email: make(config.smtp === undefined ? undefined : withMailFrom(config.smtp)),
    webhook: make(config.webhook),
  };
  if (problems.length > 0 || !templates.ok) {
    for (const c of made) void c.close();
    throw new UserError(
      "notify_config_invalid",
      `the notice channels cannot start: ${problems.length} problem(s)`,
      problems.map((p) => `${p.code}: ${p.message}`),
    );
  }
  const dispatcher = new NoticeDispatcher(
    {
      outbox,
      templates: templates.templates,
      channels,
      now: () => clock.now(),
      periodEnd: (p) => engine.calendar.endOf(p),
      options: { ...config.dispatcher, ...(quiet?.ok ? { quietHours: quiet.value } : {}) },
    },
    onEvent,
  );
  return { dispatcher, channels };
}

function withMailFrom(url: string): string {
  if (!URL.canParse(url)) return url;
  const parsed = new URL(url);
  if (!parsed.searchParams.has("from")) parsed.searchParams.set("from", DEFAULT_MAIL_FROM);
  return parsed.toString();
}
