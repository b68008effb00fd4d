// A Gy gateway simulator (PCEF side) on our own Diameter client: sends CCR-I/U/T/E, answers
// RAR with RAA 2001 and SNR with SNA 2001, and decodes CCAs into plain values for assertions.
import {
  ApplicationId,
  type Avp,
  avp,
  BaseAvps as Base,
  CreditControlAvps as Cc,
  CommandCode,
  connectDiameterPeer,
  type DiameterMessage,
  group,
  type Peer,
  readValue,
  readValues,
  SyAvps as Sy,
  TgppAvps as Tgpp,
  VendorId,
} from "../../../src/network/diameter/index.ts";

export const GW_HOST = "pgw.valenciennes.example";
export const GW_REALM = "gw.example";

export interface Mscc {
  readonly ratingGroup: number | undefined;
  readonly resultCode: number | undefined;
  readonly granted: number | undefined;
  readonly validityTime: number | undefined;
  readonly threshold: number | undefined;
  readonly finalAction: number | undefined;
  readonly redirectUrl: string | undefined;
  readonly triggers: readonly number[];
}

export interface Cca {
  readonly resultCode: number | undefined;
  readonly mscc: readonly Mscc[];
  readonly failedAvp: boolean;
  readonly message: DiameterMessage;
}

export interface CcrSpec {
  readonly type: 1 | 2 | 3 | 4;
  readonly number: number;
  readonly plmn?: string;
  readonly imsi?: string;
  readonly msisdn?: string;
  readonly at?: Date;
  readonly rg?: number;
  readonly used?: number;
  readonly request?: number | "none";
  readonly reason?: number;
  readonly retransmit?: { readonly endToEndId: number };
}

export function decodeCca(message: DiameterMessage): Cca {
  const mscc = readValues(message.avps, Cc.MultipleServicesCreditControl).map((m): Mscc => {
    const gsu = readValue(m, Cc.GrantedServiceUnit);
    const fui = readValue(m, Cc.FinalUnitIndication);
    const redirect = fui === undefined ? undefined : readValue(fui, Cc.RedirectServer);
    const trigger = readValue(m, Tgpp.Trigger);
    const total = gsu === undefined ? undefined : readValue(gsu, Cc.CcTotalOctets);
    return {
      ratingGroup: readValue(m, Cc.RatingGroup),
      resultCode: readValue(m, Base.ResultCode),
      granted: total === undefined ? undefined : Number(total),
      validityTime: readValue(m, Cc.ValidityTime),
      threshold: readValue(m, Tgpp.VolumeQuotaThreshold),
      finalAction: fui === undefined ? undefined : readValue(fui, Cc.FinalUnitAction),
      redirectUrl: redirect === undefined ? undefined : readValue(redirect, Cc.RedirectServerAddress),
      triggers: trigger === undefined ? [] : readValues(trigger, Tgpp.TriggerType),
    };
  });
  return { resultCode: readValue(message.avps, Base.ResultCode), mscc, failedAvp: readValue(message.avps, Base.FailedAvp) !== undefined, message };
}

export function ccrAvps(sessionId: string, s: CcrSpec, realm: string): Avp[] {
  const rg = s.rg ?? 10;
  const msccChildren: (Avp | undefined)[] = [
    s.request === "none" ? undefined : group(Cc.RequestedServiceUnit, s.request === undefined ? [] : [avp(Cc.CcTotalOctets, BigInt(s.request))]),
    s.used === undefined
      ? undefined
      : group(Cc.UsedServiceUnit, [
          avp(Cc.CcTotalOctets, BigInt(s.used)),
          avp(Cc.CcInputOctets, BigInt(Math.floor(s.used / 10))),
          avp(Cc.CcOutputOctets, BigInt(s.used - Math.floor(s.used / 10))),
        ]),
    avp(Cc.RatingGroup, rg),
    s.reason === undefined ? undefined : avp(Tgpp.ReportingReason, s.reason),
  ];
  const subscription: Avp[] = [];
  if (s.imsi)
    subscription.push(group(Cc.SubscriptionId, [avp(Cc.SubscriptionIdType, Cc.SubscriptionIdType.values.END_USER_IMSI), avp(Cc.SubscriptionIdData, s.imsi)]));
  if (s.msisdn)
    subscription.push(group(Cc.SubscriptionId, [avp(Cc.SubscriptionIdType, Cc.SubscriptionIdType.values.END_USER_E164), avp(Cc.SubscriptionIdData, s.msisdn)]));
  return [
    avp(Base.SessionId, sessionId),
    avp(Base.DestinationRealm, realm),
    avp(Base.AuthApplicationId, ApplicationId.creditControl),
    avp(Cc.ServiceContextId, "32251@3gpp.org"),
    avp(Cc.CcRequestType, s.type),
    avp(Cc.CcRequestNumber, s.number),
    ...(s.at ? [avp(Base.EventTimestamp, s.at)] : []),
    ...subscription,
    ...(s.type === 4 ? [avp(Cc.RequestedAction, Cc.RequestedAction.values.DIRECT_DEBITING)] : []),
    avp(Cc.MultipleServicesIndicator, 1),
    group(Cc.MultipleServicesCreditControl, msccChildren),
    ...(s.plmn ? [group(Tgpp.ServiceInformation, [group(Tgpp.PsInformation, [avp(Tgpp.TgppSgsnMccMnc, s.plmn), avp(Tgpp.CalledStationId, "internet")])])] : []),
  ];
}

export interface Gateway {
  readonly peer: Peer;
  readonly ccr: (sessionId: string, spec: CcrSpec) => Promise<Cca>;
  /** Session-Ids of the RARs received, in order. */
  readonly rars: string[];
  /** Policy-Counter-Status reports received in SNRs, as "id=status". */
  readonly snrs: string[];
  readonly waitRar: (count: number, timeoutMs?: number) => Promise<void>;
  readonly close: () => Promise<void>;
}

export async function connectGateway(port: number, originHost = GW_HOST, serverRealm = "garde-fou.example"): Promise<Gateway> {
  const rars: string[] = [];
  const snrs: string[] = [];
  const connected = await connectDiameterPeer({
    host: "127.0.0.1",
    port,
    originHost,
    originRealm: GW_REALM,
    vendorSpecificApplicationIds: [{ vendorId: VendorId.tgpp, authApplicationId: ApplicationId.sy }],
    handlers: {
      "4/258": async (request) => {
        rars.push(readValue(request.avps, Base.SessionId) ?? "");
        return { resultCode: 2001, avps: [avp(Base.AuthApplicationId, ApplicationId.creditControl)] };
      },
      "16777302/8388636": async (request) => {
        for (const r of readValues(request.avps, Sy.PolicyCounterStatusReport))
          snrs.push(`${readValue(r, Sy.PolicyCounterIdentifier)}=${readValue(r, Sy.PolicyCounterStatus)}`);
        return { resultCode: 2001, avps: [] };
      },
    },
  });
  if (!connected.ok) throw new Error(`gateway could not connect: ${connected.error.message}`);
  const peer = connected.value;
  return {
    peer,
    rars,
    snrs,
    ccr: async (sessionId, spec) => {
      const answer = await peer.request({
        applicationId: ApplicationId.creditControl,
        commandCode: CommandCode.creditControl,
        avps: ccrAvps(sessionId, spec, serverRealm),
        ...(spec.retransmit ? { endToEndId: spec.retransmit.endToEndId, retransmitted: true } : {}),
      });
      if (!answer.ok) throw new Error(`CCR failed: ${answer.error.code} ${answer.error.message}`);
      return decodeCca(answer.value);
    },
    waitRar: async (count, timeoutMs = 3_000) => {
      const deadline = Date.now() + timeoutMs;
      while (rars.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} RAR, got ${rars.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => peer.disconnect(),
  };
}
