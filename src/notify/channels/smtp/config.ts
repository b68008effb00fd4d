// smtp://[user:pass@]host[:port]?from=alerts@example.org[&from_name=…][&helo=…] → config.

import type { ConfigProblem, Configured } from "../channel.ts";
import type { Sender } from "./mime.ts";

export interface SmtpConfig {
  host: string;
  port: number;
  credentials: { user: string; password: string } | undefined;
  from: Sender;
  /** Name announced in EHLO; defaults to the sender's domain. */
  helo: string;
}

const DEFAULT_PORT = 25;

/** Deliberately narrow: whatever passes can go in MAIL FROM, RCPT TO and headers unescaped. */
export const MAILBOX = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

export function parseSmtpUrl(url: URL): Configured<SmtpConfig> {
  const problems: ConfigProblem[] = [];
  if (url.hostname === "")
    problems.push({
      code: "smtp_host_missing",
      message: "the SMTP URL has no host",
    });
  const address = url.searchParams.get("from") ?? "";
  if (!MAILBOX.test(address)) {
    problems.push({
      code: "smtp_from_invalid",
      message: "?from= must be a plain e-mail address",
    });
  }
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const explicitHelo = url.searchParams.get("helo");
  const helo = explicitHelo ?? address.slice(address.lastIndexOf("@") + 1);
  if (explicitHelo !== null && !/^[A-Za-z0-9.-]+$/.test(explicitHelo)) {
    problems.push({
      code: "smtp_helo_invalid",
      message: "?helo= must be a host name",
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      host: url.hostname,
      port: url.port === "" ? DEFAULT_PORT : Number(url.port),
      credentials: user === "" ? undefined : { user, password },
      from: { address, name: url.searchParams.get("from_name") ?? undefined },
      helo,
    },
  };
}
