/** Online charging requests and answers, independent of Diameter (the Gy adapter maps both). */

export type RequestKind = "initial" | "update" | "termination" | "event";

export interface UsedUnits {
  readonly total: number;
  readonly input: number;
  readonly output: number;
}

/** One rating group of a request (one Multiple-Services-Credit-Control). */
export interface ServiceRequest {
  readonly ratingGroup: number;
  /** True when units are asked for; `requested` is their size when the gateway gave one. */
  readonly wantsUnits: boolean;
  readonly requested: number | undefined;
  readonly used: UsedUnits | undefined;
}

export interface OnlineRequest {
  readonly sessionId: string;
  readonly requestNumber: number;
  readonly kind: RequestKind;
  readonly imsi: string | undefined;
  readonly msisdn: string | undefined;
  /** The serving network as MCC+MNC digits; it decides the zone (roaming or not). */
  readonly servingPlmn: string | undefined;
  /** When the usage happened (Event-Timestamp), else the engine's clock. */
  readonly eventMs: number | undefined;
  readonly peerHost: string;
  readonly peerRealm: string;
  readonly services: readonly ServiceRequest[];
}

export type FinalUnitAction = { readonly kind: "terminate" } | { readonly kind: "redirect"; readonly url: string };

export type ServiceResult = "success" | "credit_limit_reached" | "rating_failed";

export interface ServiceAnswer {
  readonly ratingGroup: number;
  readonly result: ServiceResult;
  readonly granted: number | undefined;
  readonly validityS: number | undefined;
  /** Octets left in the grant at which the gateway reports early (Volume-Quota-Threshold). */
  readonly threshold: number | undefined;
  readonly finalAction: FinalUnitAction | undefined;
  readonly capId: string | undefined;
}

/** Stable codes, mapped to Result-Codes by the adapter only. */
export type SessionResult = "success" | "user_unknown" | "rating_failed" | "unknown_session" | "session_exists";

export interface OnlineAnswer {
  readonly result: SessionResult;
  readonly services: readonly ServiceAnswer[];
  /** For rating_failed: the serving network that could not be rated (Failed-AVP). */
  readonly failedPlmn: string | undefined;
  readonly message: string | undefined;
}

export interface OnlineOptions {
  /** Largest grant in octets when nothing nearer bounds it. */
  readonly defaultGrant: number;
  /** Validity-Time of a grant, seconds; the session is supervised for twice as long (Tcc). */
  readonly validityS: number;
  /** Volume-Quota-Threshold as a percentage of each grant. */
  readonly thresholdPercent: number;
  /** What the gateway does after the last units before a cut-off. */
  readonly finalAction: FinalUnitAction;
}

export const DEFAULT_ONLINE_OPTIONS: OnlineOptions = {
  defaultGrant: 10 * 1024 * 1024,
  validityS: 1800,
  thresholdPercent: 20,
  finalAction: { kind: "terminate" },
};
