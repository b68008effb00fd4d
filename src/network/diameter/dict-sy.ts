// 3GPP Sy AVPs (TS 29.219 §5.3): the policy server subscribes to policy counters and the
// charging side reports each counter's status. Every export of this file is an AVP definition.
import { VendorId } from "./codes.ts";
import { defineAvp, defineEnum } from "./dictionary-types.ts";

const tgpp = VendorId.tgpp;

export const PolicyCounterIdentifier = defineAvp({
  name: "Policy-Counter-Identifier",
  code: 2901,
  vendorId: tgpp,
  type: "UTF8String",
});
/** Operator-defined label such as "normal" or "throttled-128k", never a number. */
export const PolicyCounterStatus = defineAvp({
  name: "Policy-Counter-Status",
  code: 2902,
  vendorId: tgpp,
  type: "UTF8String",
});
export const PendingPolicyCounterChangeTime = defineAvp({
  name: "Pending-Policy-Counter-Change-Time",
  code: 2906,
  vendorId: tgpp,
  type: "Time",
});
export const PendingPolicyCounterInformation = defineAvp({
  name: "Pending-Policy-Counter-Information",
  code: 2905,
  vendorId: tgpp,
  type: "Grouped",
  required: [PolicyCounterStatus, PendingPolicyCounterChangeTime],
});
export const PolicyCounterStatusReport = defineAvp({
  name: "Policy-Counter-Status-Report",
  code: 2903,
  vendorId: tgpp,
  type: "Grouped",
  required: [PolicyCounterIdentifier, PolicyCounterStatus],
});
export const SlRequestType = defineEnum({
  name: "SL-Request-Type",
  code: 2904,
  vendorId: tgpp,
  values: { INITIAL_REQUEST: 0, INTERMEDIATE_REQUEST: 1 },
});
/** A bit mask (bit 0: aggregated statuses), added in Rel-14; its M bit must not be set. */
export const SnRequestType = defineAvp({
  name: "SN-Request-Type",
  code: 2907,
  vendorId: tgpp,
  type: "Unsigned32",
  mandatory: "mustnot",
});
