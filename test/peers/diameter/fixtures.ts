// Realistic Gy messages shared by the Diameter tests (built through the public API only).
import {
  ApplicationId,
  type Avp,
  avp,
  BaseAvps,
  CreditControlAvps as Cc,
  CommandCode,
  type DiameterMessage,
  group,
  type RequestSpec,
  TgppAvps,
} from "../../../src/network/diameter/index.ts";

export const GW_HOST = "pgw.test.example";
export const GW_REALM = "test.example";
export const OCS_HOST = "ocs.garde-fou.example";
export const OCS_REALM = "garde-fou.example";

/** A CCR-U body: Gy data session roaming in Belgium (MCC-MNC 20610), usage for RG 10. */
export const gyCcrAvps = (sessionId: string, requestNumber: number): Avp[] => [
  avp(BaseAvps.SessionId, sessionId),
  avp(BaseAvps.DestinationRealm, OCS_REALM),
  avp(BaseAvps.AuthApplicationId, ApplicationId.creditControl),
  avp(Cc.ServiceContextId, "32251@3gpp.org"),
  avp(Cc.CcRequestType, Cc.CcRequestType.values.UPDATE_REQUEST),
  avp(Cc.CcRequestNumber, requestNumber),
  avp(BaseAvps.EventTimestamp, new Date("2025-07-14T10:00:00Z")),
  group(Cc.SubscriptionId, [avp(Cc.SubscriptionIdType, Cc.SubscriptionIdType.values.END_USER_E164), avp(Cc.SubscriptionIdData, "33612345678")]),
  avp(Cc.MultipleServicesIndicator, 1),
  group(Cc.MultipleServicesCreditControl, [
    group(Cc.RequestedServiceUnit, []),
    group(Cc.UsedServiceUnit, [avp(Cc.CcTotalOctets, 6_000_000_000n), avp(Cc.CcInputOctets, 1_000_000_000n), avp(Cc.CcOutputOctets, 5_000_000_000n)]),
    avp(Cc.RatingGroup, 10),
    avp(TgppAvps.ReportingReason, TgppAvps.ReportingReason.values.RATING_CONDITION_CHANGE),
  ]),
  group(TgppAvps.ServiceInformation, [
    group(TgppAvps.PsInformation, [
      avp(TgppAvps.TgppChargingId, 0x0a0b0c0d),
      avp(TgppAvps.TgppSgsnMccMnc, "20610"),
      avp(TgppAvps.TgppRatType, Buffer.from([6])),
      avp(TgppAvps.TgppUserLocationInfo, Buffer.from("8202f6011234", "hex")),
      avp(TgppAvps.CalledStationId, "internet"),
    ]),
  ]),
];

export const gyCcr = (sessionId: string, requestNumber: number): RequestSpec => ({
  applicationId: ApplicationId.creditControl,
  commandCode: CommandCode.creditControl,
  avps: gyCcrAvps(sessionId, requestNumber),
});

/** The same CCR as a complete message, for byte-level tests. */
export const gyCcrMessage = (sessionId: string, requestNumber: number, hopByHopId = 1): DiameterMessage => {
  const [session, ...rest] = gyCcrAvps(sessionId, requestNumber);
  return {
    flags: {
      request: true,
      proxiable: true,
      error: false,
      retransmitted: false,
    },
    commandCode: CommandCode.creditControl,
    applicationId: ApplicationId.creditControl,
    hopByHopId,
    endToEndId: hopByHopId,
    avps: [...(session === undefined ? [] : [session]), avp(BaseAvps.OriginHost, GW_HOST), avp(BaseAvps.OriginRealm, GW_REALM), ...rest],
  };
};

/** A CCA granting 1 GB on RG 10, arming the MCC/MNC change triggers. */
export const gyCcaBody = (): Avp[] => [
  avp(BaseAvps.AuthApplicationId, ApplicationId.creditControl),
  avp(Cc.CcRequestType, Cc.CcRequestType.values.UPDATE_REQUEST),
  avp(Cc.CcRequestNumber, 1),
  group(Cc.MultipleServicesCreditControl, [
    group(Cc.GrantedServiceUnit, [avp(Cc.CcTotalOctets, 1_000_000_000n)]),
    avp(Cc.RatingGroup, 10),
    avp(Cc.ValidityTime, 3600),
    avp(BaseAvps.ResultCode, 2001),
    avp(TgppAvps.VolumeQuotaThreshold, 100_000_000),
    group(TgppAvps.Trigger, [
      avp(TgppAvps.TriggerType, TgppAvps.TriggerType.values.CHANGEINLOCATION_MCC),
      avp(TgppAvps.TriggerType, TgppAvps.TriggerType.values.CHANGEINLOCATION_MNC),
    ]),
  ]),
];
