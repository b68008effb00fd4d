import type { DiameterServeOptions } from "../api/serve.ts";
import { UserError } from "../app/index.ts";

export interface DiameterFlags {
  readonly diameterPort: string;
  readonly originHost: string;
  readonly originRealm: string;
  readonly consentUrl?: string;
}

/** `--diameter-port 0` turns the Diameter server (Gy, Sy) off; any other port runs it. */
export function diameterOptions(flags: DiameterFlags): DiameterServeOptions | undefined {
  const port = Number(flags.diameterPort);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UserError("invalid_option", `--diameter-port must be a port number, not "${flags.diameterPort}"`);
  if (port === 0) return undefined;
  if (flags.consentUrl !== undefined && !/^https?:\/\/\S+$/.test(flags.consentUrl)) {
    throw new UserError("invalid_option", `--consent-url must be an http(s) URL, not "${flags.consentUrl}"`);
  }
  return { port, originHost: flags.originHost, originRealm: flags.originRealm, consentUrl: flags.consentUrl };
}
