export { sizeGrant } from "./grant.ts";
export { thresholdValue } from "./headroom.ts";
export type { Grant, GrantLimit, GrantPolicy, GrantRequest, Reservation } from "./types.ts";
