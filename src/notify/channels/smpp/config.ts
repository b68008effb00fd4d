// smpp://system_id:password@host:port?source=GARDEFOU&system_type=… → a validated config.

import type { ConfigProblem, Configured } from "../channel.ts";
import { Npi, Ton } from "./constants.ts";
import type { Address } from "./pdu.ts";

export interface SmppConfig {
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType: string;
  /** undefined: the SMSC fills in the account's default sender. */
  source: Address | undefined;
}

const DEFAULT_PORT = 2775;

export function parseSmppUrl(url: URL): Configured<SmppConfig> {
  const problems: ConfigProblem[] = [];
  const systemId = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const systemType = url.searchParams.get("system_type") ?? "";
  // Field sizes from SMPP 3.4 §4.1.1, NUL excluded.
  if (systemId.length === 0 || systemId.length > 15) {
    problems.push(problem("smpp_system_id_invalid", "system_id (URL user) must be 1–15 characters"));
  }
  if (password.length > 8) {
    problems.push(problem("smpp_password_invalid", "password must be at most 8 characters"));
  }
  if (systemType.length > 12) {
    problems.push(problem("smpp_system_type_invalid", "system_type must be at most 12 characters"));
  }
  const port = url.port === "" ? DEFAULT_PORT : Number(url.port);
  if (url.hostname === "") problems.push(problem("smpp_host_missing", "the SMPP URL has no host"));
  const source = parseSource(url.searchParams, problems);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { host: url.hostname, port, systemId, password, systemType, source },
  };
}

/**
 * Alphanumeric senders ("GARDEFOU") need TON 5, full numbers TON 1 / NPI 1; short codes are
 * network specific (TON 3). SMSCs disagree at the margins, hence source_ton / source_npi.
 */
function parseSource(params: URLSearchParams, problems: ConfigProblem[]): Address | undefined {
  const addr = params.get("source");
  if (addr === null || addr === "") return undefined;
  const digits = /^\d{1,20}$/.test(addr);
  if (!digits && !/^[A-Za-z0-9 .\-_]{1,11}$/.test(addr)) {
    problems.push(problem("smpp_source_invalid", "source must be digits or 1–11 letters, digits, space . - _"));
    return undefined;
  }
  const inferred = digits
    ? addr.length >= 8
      ? { ton: Ton.international, npi: Npi.isdn }
      : { ton: Ton.networkSpecific, npi: Npi.unknown }
    : { ton: Ton.alphanumeric, npi: Npi.unknown };
  const ton = octetParam(params, "source_ton", inferred.ton, problems);
  const npi = octetParam(params, "source_npi", inferred.npi, problems);
  return { ton, npi, addr };
}

function octetParam(params: URLSearchParams, name: string, fallback: number, problems: ConfigProblem[]): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 255) {
    problems.push(problem("smpp_address_flag_invalid", `${name} must be an integer 0–255`));
    return fallback;
  }
  return value;
}

function problem(code: string, message: string): ConfigProblem {
  return { code, message };
}
