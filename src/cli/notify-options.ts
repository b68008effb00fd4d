import type { NotifyConfig } from "../app/index.ts";
import { UserError } from "../app/index.ts";

export interface NotifyFlags {
  readonly smpp?: string;
  readonly smtp?: string;
  readonly webhook?: string;
  readonly webhookSecret?: string;
  readonly selfCareUrl?: string;
  readonly quietHours?: string;
  /** `--no-notices` sets it to false. */
  readonly notices: boolean;
}

/**
 * `serve`'s notice flags → the app's notify config; undefined with `--no-notices`. Secrets may
 * come from the environment instead, so that they do not show in `ps`.
 */
export function notifyOptions(flags: NotifyFlags, env: NodeJS.ProcessEnv = process.env): NotifyConfig | undefined {
  if (!flags.notices) return undefined;
  const smpp = flags.smpp ?? env.GARDEFOU_SMPP_URL;
  const smtp = flags.smtp ?? env.GARDEFOU_SMTP_URL;
  const webhook = flags.webhook ?? env.GARDEFOU_WEBHOOK_URL;
  const webhookSecret = flags.webhookSecret ?? env.GARDEFOU_WEBHOOK_SECRET;
  if (flags.selfCareUrl !== undefined && !/^https?:\/\/\S+$/.test(flags.selfCareUrl)) {
    throw new UserError("invalid_option", `--self-care-url must be an http(s) URL, not "${flags.selfCareUrl}"`);
  }
  return { smpp, smtp, webhook, webhookSecret, selfCareUrl: flags.selfCareUrl, quietHours: flags.quietHours };
}

/** Where notices go, for the start-up log line, without user names or passwords. */
export function describeNotify(config: NotifyConfig | undefined): string {
  if (!config) return "notices: not sent (--no-notices), they wait in the outbox";
  const where = (url: string) => (URL.canParse(url) ? `${new URL(url).protocol}//${new URL(url).host}` : "(invalid URL)");
  const parts = [`SMS via ${config.smpp ? where(config.smpp) : "the log channel (standard output)"}`];
  if (config.smtp) parts.push(`e-mail via ${where(config.smtp)}`);
  if (config.webhook) parts.push(`webhook ${where(config.webhook)}`);
  if (config.quietHours) parts.push(`quiet hours ${config.quietHours}`);
  return `notices: ${parts.join(", ")}`;
}
