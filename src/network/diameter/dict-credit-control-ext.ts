// AVPs that RFC 8506 added over RFC 4006 (§8.53-8.69). Older gateways do not know them, so we
// never set their M bit: an unknown M-bit AVP would make such a peer reject the whole message.
// Every export of this file is an AVP definition.

import { FinalUnitAction } from "./dict-credit-control.ts";
import { defineAvp } from "./dictionary-types.ts";

const extension = "may" as const;

export const UserEquipmentInfoImeisv = defineAvp({
  name: "User-Equipment-Info-IMEISV",
  code: 654,
  type: "OctetString",
  mandatory: extension,
});
export const UserEquipmentInfoMac = defineAvp({
  name: "User-Equipment-Info-MAC",
  code: 655,
  type: "OctetString",
  mandatory: extension,
});
export const UserEquipmentInfoEui64 = defineAvp({
  name: "User-Equipment-Info-EUI64",
  code: 656,
  type: "OctetString",
  mandatory: extension,
});
export const UserEquipmentInfoModifiedEui64 = defineAvp({
  name: "User-Equipment-Info-ModifiedEUI64",
  code: 657,
  type: "OctetString",
  mandatory: extension,
});
export const UserEquipmentInfoImei = defineAvp({
  name: "User-Equipment-Info-IMEI",
  code: 658,
  type: "OctetString",
  mandatory: extension,
});
export const UserEquipmentInfoExtension = defineAvp({
  name: "User-Equipment-Info-Extension",
  code: 653,
  type: "Grouped",
  mandatory: extension,
});
export const SubscriptionIdE164 = defineAvp({
  name: "Subscription-Id-E164",
  code: 660,
  type: "UTF8String",
  mandatory: extension,
});
export const SubscriptionIdImsi = defineAvp({
  name: "Subscription-Id-IMSI",
  code: 661,
  type: "UTF8String",
  mandatory: extension,
});
export const SubscriptionIdSipUri = defineAvp({
  name: "Subscription-Id-SIP-URI",
  code: 662,
  type: "UTF8String",
  mandatory: extension,
});
export const SubscriptionIdNai = defineAvp({
  name: "Subscription-Id-NAI",
  code: 663,
  type: "UTF8String",
  mandatory: extension,
});
export const SubscriptionIdPrivate = defineAvp({
  name: "Subscription-Id-Private",
  code: 664,
  type: "UTF8String",
  mandatory: extension,
});
export const SubscriptionIdExtension = defineAvp({
  name: "Subscription-Id-Extension",
  code: 659,
  type: "Grouped",
  mandatory: extension,
});
export const RedirectAddressIpAddress = defineAvp({
  name: "Redirect-Address-IPAddress",
  code: 666,
  type: "Address",
  mandatory: extension,
});
export const RedirectAddressFqdn = defineAvp({
  name: "Redirect-Address-FQDN",
  code: 667,
  type: "DiameterIdentity",
  mandatory: extension,
});
export const RedirectAddressUrl = defineAvp({
  name: "Redirect-Address-URL",
  code: 668,
  type: "UTF8String",
  mandatory: extension,
});
export const RedirectAddressSipUri = defineAvp({
  name: "Redirect-Address-SIP-URI",
  code: 669,
  type: "UTF8String",
  mandatory: extension,
});
export const RedirectServerExtension = defineAvp({
  name: "Redirect-Server-Extension",
  code: 665,
  type: "Grouped",
  mandatory: extension,
});
export const QosFinalUnitIndication = defineAvp({
  name: "QoS-Final-Unit-Indication",
  code: 670,
  type: "Grouped",
  mandatory: extension,
  required: [FinalUnitAction],
});
