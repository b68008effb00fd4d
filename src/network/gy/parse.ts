// A CCR into an adapter-neutral online request. The stack validated AVP encodings and the
// command's required AVPs already; what is left are Gy's own rules.
import type { OnlineRequest, RequestKind, ServiceRequest, UsedUnits } from "../../engine/index.ts";
import { type Avp, BaseAvps as Base, CreditControlAvps as Cc, type DiameterMessage, readValue, readValues, TgppAvps as Tgpp } from "../diameter/index.ts";

export type ParseFailure = { readonly code: "unsupported_request_action"; readonly message: string; readonly failedAvp: Avp };

const KINDS: Readonly<Record<number, RequestKind>> = { 1: "initial", 2: "update", 3: "termination", 4: "event" };

/** 64-bit counters beyond 2^53 octets (8 PiB) are not usage: they are a broken gateway. */
const octets = (value: bigint | undefined): number =>
  value === undefined ? 0 : Number(value > BigInt(Number.MAX_SAFE_INTEGER) ? BigInt(Number.MAX_SAFE_INTEGER) : value);

function usedOf(mscc: readonly Avp[]): UsedUnits | undefined {
  const reports = readValues(mscc, Cc.UsedServiceUnit);
  if (reports.length === 0) return undefined;
  // Several Used-Service-Units split one report around a tariff time change: they add up.
  let total = 0;
  let input = 0;
  let output = 0;
  for (const u of reports) {
    total += octets(readValue(u, Cc.CcTotalOctets));
    input += octets(readValue(u, Cc.CcInputOctets));
    output += octets(readValue(u, Cc.CcOutputOctets));
  }
  return { total, input, output };
}

function serviceOf(mscc: readonly Avp[]): ServiceRequest {
  const rsu = readValue(mscc, Cc.RequestedServiceUnit);
  const requested = rsu === undefined ? undefined : octets(readValue(rsu, Cc.CcTotalOctets));
  return {
    ratingGroup: readValue(mscc, Cc.RatingGroup) ?? 0,
    wantsUnits: rsu !== undefined,
    requested: requested === 0 ? undefined : requested,
    used: usedOf(mscc),
  };
}

/** The serving network from Service-Information / PS-Information / 3GPP-SGSN-MCC-MNC. */
export function servingPlmnOf(avps: readonly Avp[]): string | undefined {
  const service = readValue(avps, Tgpp.ServiceInformation);
  const ps = service === undefined ? undefined : readValue(service, Tgpp.PsInformation);
  return ps === undefined ? undefined : readValue(ps, Tgpp.TgppSgsnMccMnc);
}

export function parseCcr(message: DiameterMessage): { ok: true; request: OnlineRequest } | { ok: false; failure: ParseFailure } {
  const avps = message.avps;
  let imsi: string | undefined;
  let msisdn: string | undefined;
  for (const sub of readValues(avps, Cc.SubscriptionId)) {
    const type = readValue(sub, Cc.SubscriptionIdType);
    const data = readValue(sub, Cc.SubscriptionIdData);
    if (type === Cc.SubscriptionIdType.values.END_USER_IMSI) imsi ??= data;
    if (type === Cc.SubscriptionIdType.values.END_USER_E164) msisdn ??= data;
  }
  const kind = KINDS[readValue(avps, Cc.CcRequestType) ?? 0] ?? "update";
  const action = readValue(avps, Cc.RequestedAction);
  if (kind === "event" && action !== undefined && action !== Cc.RequestedAction.values.DIRECT_DEBITING) {
    const failedAvp = avps.find((a) => a.code === Cc.RequestedAction.code && a.vendorId === 0) as Avp;
    return { ok: false, failure: { code: "unsupported_request_action", message: "only DIRECT_DEBITING events are served", failedAvp } };
  }
  return {
    ok: true,
    request: {
      sessionId: readValue(avps, Base.SessionId) ?? "",
      requestNumber: readValue(avps, Cc.CcRequestNumber) ?? 0,
      kind,
      imsi,
      msisdn,
      servingPlmn: servingPlmnOf(avps),
      eventMs: readValue(avps, Base.EventTimestamp)?.getTime(),
      peerHost: readValue(avps, Base.OriginHost) ?? "",
      peerRealm: readValue(avps, Base.OriginRealm) ?? "",
      services: readValues(avps, Cc.MultipleServicesCreditControl).map(serviceOf),
    },
  };
}
