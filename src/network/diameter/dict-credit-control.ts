// Credit-Control application AVPs, RFC 8506 §8 (application 4, the base of 3GPP Gy).
// Every export of this file is an AVP definition.
import { defineAvp, defineEnum } from "./dictionary-types.ts";

/** NASREQ's Filter-Id (RFC 7155), named by Final-Unit-Indication for RESTRICT_ACCESS. */
export const FilterId = defineAvp({
  name: "Filter-Id",
  code: 11,
  type: "UTF8String",
});

export const CcCorrelationId = defineAvp({
  name: "CC-Correlation-Id",
  code: 411,
  type: "OctetString",
  mandatory: "may",
});
export const CcInputOctets = defineAvp({
  name: "CC-Input-Octets",
  code: 412,
  type: "Unsigned64",
});
export const CcOutputOctets = defineAvp({
  name: "CC-Output-Octets",
  code: 414,
  type: "Unsigned64",
});
export const CcRequestNumber = defineAvp({
  name: "CC-Request-Number",
  code: 415,
  type: "Unsigned32",
});
export const CcRequestType = defineEnum({
  name: "CC-Request-Type",
  code: 416,
  values: {
    INITIAL_REQUEST: 1,
    UPDATE_REQUEST: 2,
    TERMINATION_REQUEST: 3,
    EVENT_REQUEST: 4,
  },
});
export const CcServiceSpecificUnits = defineAvp({
  name: "CC-Service-Specific-Units",
  code: 417,
  type: "Unsigned64",
});
export const CcSessionFailover = defineEnum({
  name: "CC-Session-Failover",
  code: 418,
  values: { FAILOVER_NOT_SUPPORTED: 0, FAILOVER_SUPPORTED: 1 },
});
export const CcSubSessionId = defineAvp({
  name: "CC-Sub-Session-Id",
  code: 419,
  type: "Unsigned64",
});
export const CcTime = defineAvp({
  name: "CC-Time",
  code: 420,
  type: "Unsigned32",
});
export const CcTotalOctets = defineAvp({
  name: "CC-Total-Octets",
  code: 421,
  type: "Unsigned64",
});
export const CheckBalanceResult = defineEnum({
  name: "Check-Balance-Result",
  code: 422,
  values: { ENOUGH_CREDIT: 0, NO_CREDIT: 1 },
});
export const CostUnit = defineAvp({
  name: "Cost-Unit",
  code: 424,
  type: "UTF8String",
});
export const CurrencyCode = defineAvp({
  name: "Currency-Code",
  code: 425,
  type: "Unsigned32",
});
export const CreditControl = defineEnum({
  name: "Credit-Control",
  code: 426,
  values: { CREDIT_AUTHORIZATION: 0, RE_AUTHORIZATION: 1 },
});
export const CreditControlFailureHandling = defineEnum({
  name: "Credit-Control-Failure-Handling",
  code: 427,
  values: { TERMINATE: 0, CONTINUE: 1, RETRY_AND_TERMINATE: 2 },
});
export const DirectDebitingFailureHandling = defineEnum({
  name: "Direct-Debiting-Failure-Handling",
  code: 428,
  values: { TERMINATE_OR_BUFFER: 0, CONTINUE: 1 },
});
export const Exponent = defineAvp({
  name: "Exponent",
  code: 429,
  type: "Integer32",
});
export const ValueDigits = defineAvp({
  name: "Value-Digits",
  code: 447,
  type: "Integer64",
});
export const UnitValue = defineAvp({
  name: "Unit-Value",
  code: 445,
  type: "Grouped",
  required: [ValueDigits],
});
export const CcMoney = defineAvp({
  name: "CC-Money",
  code: 413,
  type: "Grouped",
  required: [UnitValue],
});
export const CostInformation = defineAvp({
  name: "Cost-Information",
  code: 423,
  type: "Grouped",
  required: [UnitValue, CurrencyCode],
});
export const FinalUnitAction = defineEnum({
  name: "Final-Unit-Action",
  code: 449,
  values: { TERMINATE: 0, REDIRECT: 1, RESTRICT_ACCESS: 2 },
});
export const RedirectAddressType = defineEnum({
  name: "Redirect-Address-Type",
  code: 433,
  values: { IPV4_ADDRESS: 0, IPV6_ADDRESS: 1, URL: 2, SIP_URI: 3 },
});
export const RedirectServerAddress = defineAvp({
  name: "Redirect-Server-Address",
  code: 435,
  type: "UTF8String",
});
export const RedirectServer = defineAvp({
  name: "Redirect-Server",
  code: 434,
  type: "Grouped",
  required: [RedirectAddressType, RedirectServerAddress],
});
export const RestrictionFilterRule = defineAvp({
  name: "Restriction-Filter-Rule",
  code: 438,
  type: "IPFilterRule",
});
export const FinalUnitIndication = defineAvp({
  name: "Final-Unit-Indication",
  code: 430,
  type: "Grouped",
  required: [FinalUnitAction],
});
export const TariffTimeChange = defineAvp({
  name: "Tariff-Time-Change",
  code: 451,
  type: "Time",
});
export const TariffChangeUsage = defineEnum({
  name: "Tariff-Change-Usage",
  code: 452,
  values: {
    UNIT_BEFORE_TARIFF_CHANGE: 0,
    UNIT_AFTER_TARIFF_CHANGE: 1,
    UNIT_INDETERMINATE: 2,
  },
});
export const GrantedServiceUnit = defineAvp({
  name: "Granted-Service-Unit",
  code: 431,
  type: "Grouped",
});
export const RequestedServiceUnit = defineAvp({
  name: "Requested-Service-Unit",
  code: 437,
  type: "Grouped",
});
export const UsedServiceUnit = defineAvp({
  name: "Used-Service-Unit",
  code: 446,
  type: "Grouped",
});
export const RatingGroup = defineAvp({
  name: "Rating-Group",
  code: 432,
  type: "Unsigned32",
});
export const RequestedAction = defineEnum({
  name: "Requested-Action",
  code: 436,
  values: {
    DIRECT_DEBITING: 0,
    REFUND_ACCOUNT: 1,
    CHECK_BALANCE: 2,
    PRICE_ENQUIRY: 3,
  },
});
export const ServiceIdentifier = defineAvp({
  name: "Service-Identifier",
  code: 439,
  type: "Unsigned32",
});
export const ServiceParameterType = defineAvp({
  name: "Service-Parameter-Type",
  code: 441,
  type: "Unsigned32",
  mandatory: "may",
});
export const ServiceParameterValue = defineAvp({
  name: "Service-Parameter-Value",
  code: 442,
  type: "OctetString",
  mandatory: "may",
});
export const ServiceParameterInfo = defineAvp({
  name: "Service-Parameter-Info",
  code: 440,
  type: "Grouped",
  mandatory: "may",
  required: [ServiceParameterType, ServiceParameterValue],
});
export const SubscriptionIdData = defineAvp({
  name: "Subscription-Id-Data",
  code: 444,
  type: "UTF8String",
});
export const SubscriptionIdType = defineEnum({
  name: "Subscription-Id-Type",
  code: 450,
  values: {
    END_USER_E164: 0,
    END_USER_IMSI: 1,
    END_USER_SIP_URI: 2,
    END_USER_NAI: 3,
    END_USER_PRIVATE: 4,
  },
});
export const SubscriptionId = defineAvp({
  name: "Subscription-Id",
  code: 443,
  type: "Grouped",
  required: [SubscriptionIdType, SubscriptionIdData],
});
export const ValidityTime = defineAvp({
  name: "Validity-Time",
  code: 448,
  type: "Unsigned32",
});
export const GsuPoolIdentifier = defineAvp({
  name: "G-S-U-Pool-Identifier",
  code: 453,
  type: "Unsigned32",
});
export const CcUnitType = defineEnum({
  name: "CC-Unit-Type",
  code: 454,
  values: {
    TIME: 0,
    MONEY: 1,
    TOTAL_OCTETS: 2,
    INPUT_OCTETS: 3,
    OUTPUT_OCTETS: 4,
    SERVICE_SPECIFIC_UNITS: 5,
  },
});
export const GsuPoolReference = defineAvp({
  name: "G-S-U-Pool-Reference",
  code: 457,
  type: "Grouped",
  required: [GsuPoolIdentifier, CcUnitType, UnitValue],
});
export const MultipleServicesIndicator = defineEnum({
  name: "Multiple-Services-Indicator",
  code: 455,
  values: {
    MULTIPLE_SERVICES_NOT_SUPPORTED: 0,
    MULTIPLE_SERVICES_SUPPORTED: 1,
  },
});
/** Quota per rating group. Result-Code and Final-Unit-Indication live here, per MSCC. */
export const MultipleServicesCreditControl = defineAvp({
  name: "Multiple-Services-Credit-Control",
  code: 456,
  type: "Grouped",
});
export const UserEquipmentInfoType = defineEnum({
  name: "User-Equipment-Info-Type",
  code: 459,
  mandatory: "may",
  values: { IMEISV: 0, MAC: 1, EUI64: 2, MODIFIED_EUI64: 3 },
});
export const UserEquipmentInfoValue = defineAvp({
  name: "User-Equipment-Info-Value",
  code: 460,
  type: "OctetString",
  mandatory: "may",
});
export const UserEquipmentInfo = defineAvp({
  name: "User-Equipment-Info",
  code: 458,
  type: "Grouped",
  mandatory: "may",
  required: [UserEquipmentInfoType, UserEquipmentInfoValue],
});
export const ServiceContextId = defineAvp({
  name: "Service-Context-Id",
  code: 461,
  type: "UTF8String",
});
