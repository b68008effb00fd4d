// Public surface of the SMPP 3.4 adapter.

import type { ChannelEventSink, Configured } from "../channel.ts";
import { SmppChannel } from "./channel.ts";
import { DEFAULT_SMPP_TIMINGS, type DeliverHandler, SmppClient, type SmppTimings } from "./client.ts";
import { parseSmppUrl } from "./config.ts";

export { SmppChannel } from "./channel.ts";
export type { DeliverHandler, SmppTimings } from "./client.ts";
export { DEFAULT_SMPP_TIMINGS } from "./client.ts";

export interface SmppChannelOptions {
  onDeliver?: DeliverHandler;
  onEvent?: ChannelEventSink;
  timings?: Partial<SmppTimings>;
  /** Longest notice accepted, in SMS parts (default 10); longer ones fail with sms_too_long. */
  maxParts?: number;
}

export function createSmppChannel(url: URL, options: SmppChannelOptions = {}): Configured<SmppChannel> {
  const parsed = parseSmppUrl(url);
  if (!parsed.ok) return parsed;
  const timings = { ...DEFAULT_SMPP_TIMINGS, ...options.timings };
  const client = new SmppClient(parsed.value, timings, options.onDeliver, options.onEvent ?? (() => {}));
  client.start();
  return {
    ok: true,
    value: new SmppChannel(client, parsed.value, options.maxParts ?? 10),
  };
}
