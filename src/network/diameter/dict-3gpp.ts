// 3GPP AVPs used on Gy (TS 32.299, with the TS 29.061 "3GPP-*" AVPs and a few TS 29.212/29.214
// QoS AVPs that PS-Information carries). Vendor 10415: V bit set. The M bit is set only where
// the specs make it a must; for the later additions we leave it clear so that a gateway that
// does not know an AVP ignores it instead of rejecting the whole answer.
// Every export of this file is an AVP definition.
import { VendorId } from "./codes.ts";
import { defineAvp, defineEnum } from "./dictionary-types.ts";

const tgpp = VendorId.tgpp;

/** IETF RADIUS attribute reused by PS-Information: the APN. */
export const CalledStationId = defineAvp({
  name: "Called-Station-Id",
  code: 30,
  type: "UTF8String",
});

// TS 29.061 §16.4.7: 3GPP-Charging-Id is 4 octets, an Unsigned32 in Diameter.
export const TgppChargingId = defineAvp({
  name: "3GPP-Charging-Id",
  code: 2,
  vendorId: tgpp,
  type: "Unsigned32",
});
export const TgppPdpType = defineEnum({
  name: "3GPP-PDP-Type",
  code: 3,
  vendorId: tgpp,
  values: { IPv4: 0, PPP: 1, IPv6: 2, IPv4v6: 3 },
});
export const TgppGprsNegotiatedQosProfile = defineAvp({
  name: "3GPP-GPRS-Negotiated-QoS-Profile",
  code: 5,
  vendorId: tgpp,
  type: "UTF8String",
});
export const TgppImsiMccMnc = defineAvp({
  name: "3GPP-IMSI-MCC-MNC",
  code: 8,
  vendorId: tgpp,
  type: "UTF8String",
});
export const TgppGgsnMccMnc = defineAvp({
  name: "3GPP-GGSN-MCC-MNC",
  code: 9,
  vendorId: tgpp,
  type: "UTF8String",
});
export const TgppNsapi = defineAvp({
  name: "3GPP-NSAPI",
  code: 10,
  vendorId: tgpp,
  type: "OctetString",
});
export const TgppSelectionMode = defineAvp({
  name: "3GPP-Selection-Mode",
  code: 12,
  vendorId: tgpp,
  type: "UTF8String",
});
export const TgppChargingCharacteristics = defineAvp({
  name: "3GPP-Charging-Characteristics",
  code: 13,
  vendorId: tgpp,
  type: "UTF8String",
});
/** MCC+MNC of the serving network as digits: visited ≠ home means roaming. */
export const TgppSgsnMccMnc = defineAvp({
  name: "3GPP-SGSN-MCC-MNC",
  code: 18,
  vendorId: tgpp,
  type: "UTF8String",
});
export const TgppImeisv = defineAvp({
  name: "3GPP-IMEISV",
  code: 20,
  vendorId: tgpp,
  type: "OctetString",
});
export const TgppRatType = defineAvp({
  name: "3GPP-RAT-Type",
  code: 21,
  vendorId: tgpp,
  type: "OctetString",
});
export const TgppUserLocationInfo = defineAvp({
  name: "3GPP-User-Location-Info",
  code: 22,
  vendorId: tgpp,
  type: "OctetString",
});
export const TgppMsTimeZone = defineAvp({
  name: "3GPP-MS-TimeZone",
  code: 23,
  vendorId: tgpp,
  type: "OctetString",
});
export const GgsnAddress = defineAvp({
  name: "GGSN-Address",
  code: 847,
  vendorId: tgpp,
  type: "Address",
});
export const TimeQuotaThreshold = defineAvp({
  name: "Time-Quota-Threshold",
  code: 868,
  vendorId: tgpp,
  type: "Unsigned32",
});
export const VolumeQuotaThreshold = defineAvp({
  name: "Volume-Quota-Threshold",
  code: 869,
  vendorId: tgpp,
  type: "Unsigned32",
});
export const TriggerType = defineEnum({
  name: "Trigger-Type",
  code: 870,
  vendorId: tgpp,
  values: {
    CHANGE_IN_SGSN_IP_ADDRESS: 1,
    CHANGE_IN_QOS: 2,
    CHANGE_IN_LOCATION: 3,
    CHANGE_IN_RAT: 4,
    CHANGE_IN_UE_TIMEZONE: 5,
    CHANGEINLOCATION_MCC: 30,
    CHANGEINLOCATION_MNC: 31,
    CHANGEINLOCATION_RAC: 32,
    CHANGEINLOCATION_LAC: 33,
    CHANGEINLOCATION_CellId: 34,
    CHANGEINLOCATION_TAC: 35,
    CHANGEINLOCATION_ECGI: 36,
    CHANGE_IN_MEDIA_COMPOSITION: 40,
  },
});
export const QuotaHoldingTime = defineAvp({
  name: "Quota-Holding-Time",
  code: 871,
  vendorId: tgpp,
  type: "Unsigned32",
});
export const ReportingReason = defineEnum({
  name: "Reporting-Reason",
  code: 872,
  vendorId: tgpp,
  values: {
    THRESHOLD: 0,
    QHT: 1,
    FINAL: 2,
    QUOTA_EXHAUSTED: 3,
    VALIDITY_TIME: 4,
    OTHER_QUOTA_TYPE: 5,
    RATING_CONDITION_CHANGE: 6,
    FORCED_REAUTHORISATION: 7,
    POOL_EXHAUSTED: 8,
  },
});
export const ServiceInformation = defineAvp({
  name: "Service-Information",
  code: 873,
  vendorId: tgpp,
  type: "Grouped",
});
export const PsInformation = defineAvp({
  name: "PS-Information",
  code: 874,
  vendorId: tgpp,
  type: "Grouped",
});
export const QuotaConsumptionTime = defineAvp({
  name: "Quota-Consumption-Time",
  code: 881,
  vendorId: tgpp,
  type: "Unsigned32",
});
export const ChargingRuleBaseName = defineAvp({
  name: "Charging-Rule-Base-Name",
  code: 1004,
  vendorId: tgpp,
  type: "UTF8String",
  mandatory: "may",
});
export const UnitQuotaThreshold = defineAvp({
  name: "Unit-Quota-Threshold",
  code: 1226,
  vendorId: tgpp,
  type: "Unsigned32",
  mandatory: "may",
});
export const PdpAddress = defineAvp({
  name: "PDP-Address",
  code: 1227,
  vendorId: tgpp,
  type: "Address",
  mandatory: "may",
});
export const SgsnAddress = defineAvp({
  name: "SGSN-Address",
  code: 1228,
  vendorId: tgpp,
  type: "Address",
  mandatory: "may",
});
/** Armed in a CCA so that the gateway reports as soon as the condition changes. */
export const Trigger = defineAvp({
  name: "Trigger",
  code: 1264,
  vendorId: tgpp,
  type: "Grouped",
  mandatory: "may",
});
export const BaseTimeInterval = defineAvp({
  name: "Base-Time-Interval",
  code: 1265,
  vendorId: tgpp,
  type: "Unsigned32",
  mandatory: "may",
});
export const TimeQuotaType = defineEnum({
  name: "Time-Quota-Type",
  code: 1271,
  vendorId: tgpp,
  mandatory: "may",
  values: {
    DISCRETE_TIME_PERIOD: 0,
    CONTINUOUS_TIME_PERIOD: 1,
    CONTINUOUS_TIME_PERIOD_PER_SERVICE_DATA_FLOW: 2,
  },
});
export const TimeQuotaMechanism = defineAvp({
  name: "Time-Quota-Mechanism",
  code: 1270,
  vendorId: tgpp,
  type: "Grouped",
  mandatory: "may",
  required: [TimeQuotaType, BaseTimeInterval],
});
export const LowBalanceIndication = defineEnum({
  name: "Low-Balance-Indication",
  code: 2020,
  vendorId: tgpp,
  mandatory: "may",
  values: { NOT_APPLICABLE: 0, YES: 1 },
});
export const StartTime = defineAvp({
  name: "Start-Time",
  code: 2041,
  vendorId: tgpp,
  type: "Time",
  mandatory: "may",
});
export const StopTime = defineAvp({
  name: "Stop-Time",
  code: 2042,
  vendorId: tgpp,
  type: "Time",
  mandatory: "may",
});
export const ServingNodeType = defineEnum({
  name: "Serving-Node-Type",
  code: 2047,
  vendorId: tgpp,
  mandatory: "may",
  values: { SGSN: 0, PMIPSGW: 1, GTPSGW: 2, ePDG: 3, hSGW: 4, MME: 5, TWAN: 6 },
});
export const PdnConnectionChargingId = defineAvp({
  name: "PDN-Connection-Charging-ID",
  code: 2050,
  vendorId: tgpp,
  type: "Unsigned32",
  mandatory: "may",
});
export const NodeId = defineAvp({
  name: "Node-Id",
  code: 2064,
  vendorId: tgpp,
  type: "UTF8String",
  mandatory: "may",
});
