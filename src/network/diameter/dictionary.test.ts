import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ApplicationId, type AvpType, CommandCode, defaultDictionary, standardAvps } from "./index.ts";

// Codes and types as printed in RFC 6733 §4.5, RFC 8506 §8, TS 32.299 §7.2, TS 29.061 §16.4.7
// and TS 29.219 §5.3: a second source of truth against typos in the data files.
const expected: [name: string, code: number, vendorId: number, type: AvpType][] = [
  ["Session-Id", 263, 0, "UTF8String"],
  ["Origin-Host", 264, 0, "DiameterIdentity"],
  ["Origin-Realm", 296, 0, "DiameterIdentity"],
  ["Destination-Host", 293, 0, "DiameterIdentity"],
  ["Destination-Realm", 283, 0, "DiameterIdentity"],
  ["Result-Code", 268, 0, "Unsigned32"],
  ["Experimental-Result", 297, 0, "Grouped"],
  ["Failed-AVP", 279, 0, "Grouped"],
  ["Auth-Application-Id", 258, 0, "Unsigned32"],
  ["Vendor-Specific-Application-Id", 260, 0, "Grouped"],
  ["Host-IP-Address", 257, 0, "Address"],
  ["Vendor-Id", 266, 0, "Unsigned32"],
  ["Product-Name", 269, 0, "UTF8String"],
  ["Firmware-Revision", 267, 0, "Unsigned32"],
  ["Supported-Vendor-Id", 265, 0, "Unsigned32"],
  ["Origin-State-Id", 278, 0, "Unsigned32"],
  ["Disconnect-Cause", 273, 0, "Enumerated"],
  ["Error-Message", 281, 0, "UTF8String"],
  ["Re-Auth-Request-Type", 285, 0, "Enumerated"],
  ["Route-Record", 282, 0, "DiameterIdentity"],
  ["Proxy-Info", 284, 0, "Grouped"],
  ["Termination-Cause", 295, 0, "Enumerated"],
  ["Event-Timestamp", 55, 0, "Time"],
  ["CC-Request-Type", 416, 0, "Enumerated"],
  ["CC-Request-Number", 415, 0, "Unsigned32"],
  ["Subscription-Id", 443, 0, "Grouped"],
  ["Subscription-Id-Type", 450, 0, "Enumerated"],
  ["Subscription-Id-Data", 444, 0, "UTF8String"],
  ["Multiple-Services-Credit-Control", 456, 0, "Grouped"],
  ["Requested-Service-Unit", 437, 0, "Grouped"],
  ["Granted-Service-Unit", 431, 0, "Grouped"],
  ["Used-Service-Unit", 446, 0, "Grouped"],
  ["CC-Total-Octets", 421, 0, "Unsigned64"],
  ["CC-Input-Octets", 412, 0, "Unsigned64"],
  ["CC-Output-Octets", 414, 0, "Unsigned64"],
  ["CC-Time", 420, 0, "Unsigned32"],
  ["Rating-Group", 432, 0, "Unsigned32"],
  ["Service-Identifier", 439, 0, "Unsigned32"],
  ["Validity-Time", 448, 0, "Unsigned32"],
  ["Final-Unit-Indication", 430, 0, "Grouped"],
  ["Final-Unit-Action", 449, 0, "Enumerated"],
  ["Redirect-Server", 434, 0, "Grouped"],
  ["Redirect-Address-Type", 433, 0, "Enumerated"],
  ["Redirect-Server-Address", 435, 0, "UTF8String"],
  ["Credit-Control-Failure-Handling", 427, 0, "Enumerated"],
  ["Service-Context-Id", 461, 0, "UTF8String"],
  ["Multiple-Services-Indicator", 455, 0, "Enumerated"],
  ["User-Equipment-Info", 458, 0, "Grouped"],
  ["Service-Information", 873, 10415, "Grouped"],
  ["PS-Information", 874, 10415, "Grouped"],
  ["3GPP-SGSN-MCC-MNC", 18, 10415, "UTF8String"],
  ["3GPP-User-Location-Info", 22, 10415, "OctetString"],
  ["3GPP-RAT-Type", 21, 10415, "OctetString"],
  ["3GPP-Charging-Id", 2, 10415, "Unsigned32"],
  ["Trigger", 1264, 10415, "Grouped"],
  ["Trigger-Type", 870, 10415, "Enumerated"],
  ["Reporting-Reason", 872, 10415, "Enumerated"],
  ["Volume-Quota-Threshold", 869, 10415, "Unsigned32"],
  ["Quota-Holding-Time", 871, 10415, "Unsigned32"],
  ["Time-Quota-Threshold", 868, 10415, "Unsigned32"],
  ["SL-Request-Type", 2904, 10415, "Enumerated"],
  ["Policy-Counter-Identifier", 2901, 10415, "UTF8String"],
  ["Policy-Counter-Status", 2902, 10415, "UTF8String"],
  ["Policy-Counter-Status-Report", 2903, 10415, "Grouped"],
  ["Pending-Policy-Counter-Information", 2905, 10415, "Grouped"],
  ["Pending-Policy-Counter-Change-Time", 2906, 10415, "Time"],
];

describe("dictionary data", () => {
  for (const [name, code, vendorId, type] of expected) {
    it(`${name} is AVP ${code} of vendor ${vendorId}, ${type}`, () => {
      const def = defaultDictionary.avp(vendorId, code);
      assert.deepEqual(def && [def.name, def.type], [name, type]);
    });
  }

  it("has no AVP name twice", () => {
    const names = standardAvps.map((d) => d.name);
    assert.equal(new Set(names).size, names.length);
  });

  it("knows the commands of the base protocol, Credit-Control and Sy", () => {
    const commands: [number, number][] = [
      [ApplicationId.common, CommandCode.capabilitiesExchange],
      [ApplicationId.common, CommandCode.deviceWatchdog],
      [ApplicationId.common, CommandCode.disconnectPeer],
      [ApplicationId.creditControl, CommandCode.creditControl],
      [ApplicationId.creditControl, CommandCode.reAuth],
      [ApplicationId.creditControl, CommandCode.abortSession],
      [ApplicationId.creditControl, CommandCode.sessionTermination],
      [ApplicationId.sy, CommandCode.spendingLimit],
      [ApplicationId.sy, CommandCode.spendingStatusNotification],
      [ApplicationId.sy, CommandCode.sessionTermination],
    ];
    for (const [app, code] of commands) assert.ok(defaultDictionary.command(app, code), `${app}/${code}`);
  });
});
