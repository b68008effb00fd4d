// Options of a Diameter node (server or client) and their defaults.
import type { Capabilities, VendorSpecificApplication } from "./capabilities.ts";
import { ApplicationId, VendorId } from "./codes.ts";
import { type Dictionary, defaultDictionary } from "./dictionary.ts";
import type { EventListener } from "./events.ts";
import { DEFAULT_MAX_MESSAGE_LENGTH } from "./framer.ts";
import type { Admission, Handlers } from "./peer-types.ts";

export interface Timers {
  /** Tw of RFC 3539: idle time before a DWR, and again before dropping the peer. */
  readonly watchdogMs: number;
  /** Default wait for an answer to our requests (Tx of RFC 8506 is 10 s). */
  readonly requestTimeoutMs: number;
  /** Wait for the peer's CER (server) or CEA (client) before giving up on the connection. */
  readonly capabilitiesTimeoutMs: number;
  /** Wait for DPA before closing anyway. */
  readonly disconnectTimeoutMs: number;
}

export const defaultTimers: Timers = {
  watchdogMs: 30_000,
  requestTimeoutMs: 10_000,
  capabilitiesTimeoutMs: 10_000,
  disconnectTimeoutMs: 2_000,
};

export interface DiameterNodeOptions {
  readonly originHost: string;
  readonly originRealm: string;
  readonly hostIpAddresses?: readonly string[];
  /** Our IANA enterprise number; 0 while the project has none. */
  readonly vendorId?: number;
  readonly productName?: string;
  readonly firmwareRevision?: number;
  /** Should increase at each restart (e.g. boot time in seconds), supplied by the caller. */
  readonly originStateId?: number;
  readonly authApplicationIds?: readonly number[];
  readonly acctApplicationIds?: readonly number[];
  readonly vendorSpecificApplicationIds?: readonly VendorSpecificApplication[];
  readonly supportedVendorIds?: readonly number[];
  readonly handlers?: Handlers;
  readonly dictionary?: Dictionary;
  readonly timers?: Partial<Timers>;
  readonly maxMessageLength?: number;
  readonly onEvent?: EventListener;
}

/** Everything a connection needs, resolved once per node. */
export interface PeerSettings {
  readonly capabilities: Capabilities;
  readonly dictionary: Dictionary;
  readonly handlers: Handlers;
  readonly admission: Admission;
  readonly onEvent: EventListener;
  readonly timers: Timers;
  readonly maxMessageLength: number;
}

const unlimited: Admission = { tryAcquire: () => true, release: () => {} };

export const resolveSettings = (options: DiameterNodeOptions, admission: Admission = unlimited): PeerSettings => ({
  capabilities: {
    originHost: options.originHost,
    originRealm: options.originRealm,
    hostIpAddresses: options.hostIpAddresses ?? [],
    vendorId: options.vendorId ?? 0,
    productName: options.productName ?? "Garde-fou",
    firmwareRevision: options.firmwareRevision,
    originStateId: options.originStateId,
    // Gy rides on Credit-Control (4) as an IETF application; Sy is 3GPP vendor-specific.
    authApplicationIds: options.authApplicationIds ?? [ApplicationId.creditControl],
    acctApplicationIds: options.acctApplicationIds ?? [],
    vendorSpecificApplicationIds: options.vendorSpecificApplicationIds ?? [{ vendorId: VendorId.tgpp, authApplicationId: ApplicationId.sy }],
    supportedVendorIds: options.supportedVendorIds ?? [VendorId.tgpp],
  },
  dictionary: options.dictionary ?? defaultDictionary,
  handlers: options.handlers ?? {},
  admission,
  onEvent: options.onEvent ?? (() => {}),
  timers: { ...defaultTimers, ...options.timers },
  maxMessageLength: options.maxMessageLength ?? DEFAULT_MAX_MESSAGE_LENGTH,
});
