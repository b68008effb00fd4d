// Capabilities exchange (RFC 6733 §5.3): what we advertise in CER/CEA, what we read from the
// peer's, and which applications the two sides share.

import { avp, group } from "./avp-build.ts";
import { decodeAvp, findAvps, readValue, readValues } from "./avp-read.ts";
import { addressFromText } from "./codec-address.ts";
import { parseAvps } from "./codec-avp.ts";
import { ApplicationId } from "./codes.ts";
import * as Base from "./dict-base.ts";
import type { Avp, DiameterMessage } from "./types.ts";

export interface VendorSpecificApplication {
  readonly vendorId: number;
  readonly authApplicationId?: number;
  readonly acctApplicationId?: number;
}

/** What this node advertises. */
export interface Capabilities {
  readonly originHost: string;
  readonly originRealm: string;
  /** Empty: the local address of each connection is advertised. */
  readonly hostIpAddresses: readonly string[];
  readonly vendorId: number;
  readonly productName: string;
  readonly firmwareRevision?: number;
  readonly originStateId?: number;
  readonly authApplicationIds: readonly number[];
  readonly acctApplicationIds: readonly number[];
  readonly vendorSpecificApplicationIds: readonly VendorSpecificApplication[];
  readonly supportedVendorIds: readonly number[];
}

/** What the peer advertised. */
export interface PeerCapabilities {
  readonly originHost: string;
  readonly originRealm: string;
  readonly vendorId: number | undefined;
  readonly productName: string | undefined;
  readonly originStateId: number | undefined;
  readonly applications: ReadonlySet<number>;
  readonly supportedVendorIds: readonly number[];
}

export const advertisedApplications = (caps: Capabilities): Set<number> =>
  new Set([
    ...caps.authApplicationIds,
    ...caps.acctApplicationIds,
    ...caps.vendorSpecificApplicationIds.flatMap((v) => [v.authApplicationId, v.acctApplicationId].filter((id): id is number => id !== undefined)),
  ]);

/** The CER/CEA body after Origin-Host/Origin-Realm (and Result-Code in a CEA). */
export const capabilityAvps = (caps: Capabilities, localAddress: string | undefined): Avp[] => {
  const texts = caps.hostIpAddresses.length > 0 ? caps.hostIpAddresses : [localAddress ?? ""];
  const addresses = texts.flatMap((text) => {
    const address = addressFromText(text);
    return address === undefined ? [] : [avp(Base.HostIpAddress, address)];
  });
  return [
    ...addresses,
    avp(Base.VendorId, caps.vendorId),
    avp(Base.ProductName, caps.productName),
    ...(caps.originStateId === undefined ? [] : [avp(Base.OriginStateId, caps.originStateId)]),
    ...caps.supportedVendorIds.map((id) => avp(Base.SupportedVendorId, id)),
    ...caps.authApplicationIds.map((id) => avp(Base.AuthApplicationId, id)),
    ...caps.acctApplicationIds.map((id) => avp(Base.AcctApplicationId, id)),
    ...caps.vendorSpecificApplicationIds.map((v) =>
      group(Base.VendorSpecificApplicationId, [
        avp(Base.VendorId, v.vendorId),
        v.authApplicationId === undefined ? undefined : avp(Base.AuthApplicationId, v.authApplicationId),
        v.acctApplicationId === undefined ? undefined : avp(Base.AcctApplicationId, v.acctApplicationId),
      ]),
    ),
    ...(caps.firmwareRevision === undefined ? [] : [avp(Base.FirmwareRevision, caps.firmwareRevision)]),
  ];
};

const vendorSpecificIds = (avps: readonly Avp[]): number[] =>
  findAvps(avps, Base.VendorSpecificApplicationId).flatMap((outer) => {
    const children = parseAvps(outer.data);
    if (!children.ok) return [];
    return [Base.AuthApplicationId, Base.AcctApplicationId].flatMap((def) =>
      findAvps(children.value, def).flatMap((inner) => {
        const id = decodeAvp(inner, def);
        return id.ok ? [id.value] : [];
      }),
    );
  });

/** Caller validated the CER/CEA (required AVPs present and well formed). */
export const readCapabilities = (message: DiameterMessage): PeerCapabilities => {
  const avps = message.avps;
  return {
    originHost: readValue(avps, Base.OriginHost) ?? "",
    originRealm: readValue(avps, Base.OriginRealm) ?? "",
    vendorId: readValue(avps, Base.VendorId),
    productName: readValue(avps, Base.ProductName),
    originStateId: readValue(avps, Base.OriginStateId),
    applications: new Set([...readValues(avps, Base.AuthApplicationId), ...readValues(avps, Base.AcctApplicationId), ...vendorSpecificIds(avps)]),
    supportedVendorIds: readValues(avps, Base.SupportedVendorId),
  };
};

/** A relay (0xffffffff) on either side shares everything the other side offers. */
export const commonApplications = (local: ReadonlySet<number>, remote: ReadonlySet<number>): Set<number> => {
  if (remote.has(ApplicationId.relay)) return new Set(local);
  if (local.has(ApplicationId.relay)) return new Set(remote);
  return new Set([...local].filter((id) => remote.has(id)));
};
