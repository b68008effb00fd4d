import type { FastifyRequest } from "fastify";

/**
 * IMSIs (15 digits) and MSISDNs (up to 15) must not reach info-level logs: any run of nine or
 * more digits in a logged URL is masked. Line and invoice ids are not personal data and stay.
 */
export function redactIdentifiers(text: string): string {
  return text.replace(/\+?\d{9,}/g, "[redacted]");
}

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LEVELS)[number];

/** A level from the environment (`GARDEFOU_LOG_LEVEL`); anything unknown is `info`. */
export function logLevelOf(text: string | undefined): LogLevel {
  return (LEVELS as readonly string[]).includes(text ?? "") ? (text as LogLevel) : "info";
}

/** Fastify's logger options: requests logged by method, route and status, never bodies or headers. */
export function loggerOptions(level: LogLevel) {
  return {
    level,
    serializers: {
      req: (req: FastifyRequest) => ({ method: req.method, url: redactIdentifiers(req.url), id: req.id }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
