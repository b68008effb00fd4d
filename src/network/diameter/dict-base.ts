// Base protocol AVPs, RFC 6733 §4.5 and §8 (plus the RADIUS-range AVPs it reuses).
// Export names are the AVP names in PascalCase; every export of this file is an AVP definition.
import { defineAvp, defineEnum } from "./dictionary-types.ts";

export const UserName = defineAvp({
  name: "User-Name",
  code: 1,
  type: "UTF8String",
});
export const Class = defineAvp({
  name: "Class",
  code: 25,
  type: "OctetString",
});
export const SessionTimeout = defineAvp({
  name: "Session-Timeout",
  code: 27,
  type: "Unsigned32",
});
export const ProxyState = defineAvp({
  name: "Proxy-State",
  code: 33,
  type: "OctetString",
});
export const AcctSessionId = defineAvp({
  name: "Acct-Session-Id",
  code: 44,
  type: "OctetString",
});
export const AcctMultiSessionId = defineAvp({
  name: "Acct-Multi-Session-Id",
  code: 50,
  type: "UTF8String",
});
export const EventTimestamp = defineAvp({
  name: "Event-Timestamp",
  code: 55,
  type: "Time",
});
export const AcctInterimInterval = defineAvp({
  name: "Acct-Interim-Interval",
  code: 85,
  type: "Unsigned32",
});
export const HostIpAddress = defineAvp({
  name: "Host-IP-Address",
  code: 257,
  type: "Address",
});
export const AuthApplicationId = defineAvp({
  name: "Auth-Application-Id",
  code: 258,
  type: "Unsigned32",
});
export const AcctApplicationId = defineAvp({
  name: "Acct-Application-Id",
  code: 259,
  type: "Unsigned32",
});
export const VendorId = defineAvp({
  name: "Vendor-Id",
  code: 266,
  type: "Unsigned32",
});
export const VendorSpecificApplicationId = defineAvp({
  name: "Vendor-Specific-Application-Id",
  code: 260,
  type: "Grouped",
  required: [VendorId],
});
export const RedirectHostUsage = defineEnum({
  name: "Redirect-Host-Usage",
  code: 261,
  values: {
    DONT_CACHE: 0,
    ALL_SESSION: 1,
    ALL_REALM: 2,
    REALM_AND_APPLICATION: 3,
    ALL_APPLICATION: 4,
    ALL_HOST: 5,
    ALL_USER: 6,
  },
});
export const RedirectMaxCacheTime = defineAvp({
  name: "Redirect-Max-Cache-Time",
  code: 262,
  type: "Unsigned32",
});
export const SessionId = defineAvp({
  name: "Session-Id",
  code: 263,
  type: "UTF8String",
});
export const OriginHost = defineAvp({
  name: "Origin-Host",
  code: 264,
  type: "DiameterIdentity",
});
export const SupportedVendorId = defineAvp({
  name: "Supported-Vendor-Id",
  code: 265,
  type: "Unsigned32",
});
// RFC 6733 §5.3.4: the M bit MUST NOT be set on Firmware-Revision.
export const FirmwareRevision = defineAvp({
  name: "Firmware-Revision",
  code: 267,
  type: "Unsigned32",
  mandatory: "mustnot",
});
export const ResultCode = defineAvp({
  name: "Result-Code",
  code: 268,
  type: "Unsigned32",
});
// RFC 6733 §5.3.7: the M bit MUST NOT be set on Product-Name.
export const ProductName = defineAvp({
  name: "Product-Name",
  code: 269,
  type: "UTF8String",
  mandatory: "mustnot",
});
export const SessionBinding = defineAvp({
  name: "Session-Binding",
  code: 270,
  type: "Unsigned32",
});
export const SessionServerFailover = defineEnum({
  name: "Session-Server-Failover",
  code: 271,
  values: {
    REFUSE_SERVICE: 0,
    TRY_AGAIN: 1,
    ALLOW_SERVICE: 2,
    TRY_AGAIN_ALLOW_SERVICE: 3,
  },
});
export const MultiRoundTimeOut = defineAvp({
  name: "Multi-Round-Time-Out",
  code: 272,
  type: "Unsigned32",
});
export const DisconnectCause = defineEnum({
  name: "Disconnect-Cause",
  code: 273,
  values: { REBOOTING: 0, BUSY: 1, DO_NOT_WANT_TO_TALK_TO_YOU: 2 },
});
export const AuthRequestType = defineEnum({
  name: "Auth-Request-Type",
  code: 274,
  values: {
    AUTHENTICATE_ONLY: 1,
    AUTHORIZE_ONLY: 2,
    AUTHORIZE_AUTHENTICATE: 3,
  },
});
export const AuthGracePeriod = defineAvp({
  name: "Auth-Grace-Period",
  code: 276,
  type: "Unsigned32",
});
export const AuthSessionState = defineEnum({
  name: "Auth-Session-State",
  code: 277,
  values: { STATE_MAINTAINED: 0, NO_STATE_MAINTAINED: 1 },
});
export const OriginStateId = defineAvp({
  name: "Origin-State-Id",
  code: 278,
  type: "Unsigned32",
});
export const FailedAvp = defineAvp({
  name: "Failed-AVP",
  code: 279,
  type: "Grouped",
});
export const ProxyHost = defineAvp({
  name: "Proxy-Host",
  code: 280,
  type: "DiameterIdentity",
});
export const ErrorMessage = defineAvp({
  name: "Error-Message",
  code: 281,
  type: "UTF8String",
  mandatory: "mustnot",
});
export const RouteRecord = defineAvp({
  name: "Route-Record",
  code: 282,
  type: "DiameterIdentity",
});
export const DestinationRealm = defineAvp({
  name: "Destination-Realm",
  code: 283,
  type: "DiameterIdentity",
});
export const ProxyInfo = defineAvp({
  name: "Proxy-Info",
  code: 284,
  type: "Grouped",
  required: [ProxyHost, ProxyState],
});
export const ReAuthRequestType = defineEnum({
  name: "Re-Auth-Request-Type",
  code: 285,
  values: { AUTHORIZE_ONLY: 0, AUTHORIZE_AUTHENTICATE: 1 },
});
export const AccountingSubSessionId = defineAvp({
  name: "Accounting-Sub-Session-Id",
  code: 287,
  type: "Unsigned64",
});
export const AuthorizationLifetime = defineAvp({
  name: "Authorization-Lifetime",
  code: 291,
  type: "Unsigned32",
});
export const RedirectHost = defineAvp({
  name: "Redirect-Host",
  code: 292,
  type: "DiameterURI",
});
export const DestinationHost = defineAvp({
  name: "Destination-Host",
  code: 293,
  type: "DiameterIdentity",
});
export const ErrorReportingHost = defineAvp({
  name: "Error-Reporting-Host",
  code: 294,
  type: "DiameterIdentity",
  mandatory: "mustnot",
});
export const TerminationCause = defineEnum({
  name: "Termination-Cause",
  code: 295,
  values: {
    DIAMETER_LOGOUT: 1,
    DIAMETER_SERVICE_NOT_PROVIDED: 2,
    DIAMETER_BAD_ANSWER: 3,
    DIAMETER_ADMINISTRATIVE: 4,
    DIAMETER_LINK_BROKEN: 5,
    DIAMETER_AUTH_EXPIRED: 6,
    DIAMETER_USER_MOVED: 7,
    DIAMETER_SESSION_TIMEOUT: 8,
  },
});
export const OriginRealm = defineAvp({
  name: "Origin-Realm",
  code: 296,
  type: "DiameterIdentity",
});
export const ExperimentalResultCode = defineAvp({
  name: "Experimental-Result-Code",
  code: 298,
  type: "Unsigned32",
});
export const ExperimentalResult = defineAvp({
  name: "Experimental-Result",
  code: 297,
  type: "Grouped",
  required: [VendorId, ExperimentalResultCode],
});
export const InbandSecurityId = defineAvp({
  name: "Inband-Security-Id",
  code: 299,
  type: "Unsigned32",
});
export const AccountingRecordType = defineEnum({
  name: "Accounting-Record-Type",
  code: 480,
  values: {
    EVENT_RECORD: 1,
    START_RECORD: 2,
    INTERIM_RECORD: 3,
    STOP_RECORD: 4,
  },
});
export const AccountingRealtimeRequired = defineEnum({
  name: "Accounting-Realtime-Required",
  code: 483,
  values: { DELIVER_AND_GRANT: 1, GRANT_AND_STORE: 2, GRANT_AND_LOSE: 3 },
});
export const AccountingRecordNumber = defineAvp({
  name: "Accounting-Record-Number",
  code: 485,
  type: "Unsigned32",
});
