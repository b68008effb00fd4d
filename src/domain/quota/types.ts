import type { Service, Zone } from "../catalog/types.ts";
import type { Micros } from "../money.ts";
import type { RatingFailure } from "../rating/rate.ts";

/**
 * Units granted to a session and not reported yet. They count against every cap, allowance and
 * notice threshold until the session reports what it used: two sessions of one line must not
 * each be granted the whole headroom.
 */
export interface Reservation {
  readonly service: Service;
  readonly zone: Zone;
  /** Base units granted (octets for data). */
  readonly quantity: number;
  /** The most this grant can cost: its chargeable increments at the tariff's unit price. */
  readonly amount: Micros;
  /** The part of `quantity` granted inside an allowance (free, but it uses the allowance up). */
  readonly allowanceQuantity: number;
}

export interface GrantPolicy {
  /** The largest grant, in base units, when nothing nearer limits it. */
  readonly defaultGrant: number;
}

export interface GrantRequest {
  readonly service: Service;
  readonly zone: Zone;
  /** What the gateway asked for; `undefined` (or 0) leaves the size to us. */
  readonly requested: number | undefined;
  /** Outstanding reservations of the line's other sessions and rating groups. */
  readonly reserved: readonly Reservation[];
}

/** What bounded a grant: the smallest of these wins. */
export type GrantLimit = "default" | "requested" | "spend_cap" | "volume_cap" | "notice" | "allowance";

export type Grant =
  | {
      readonly ok: true;
      readonly kind: "granted";
      readonly quantity: number;
      readonly reservation: Reservation;
      readonly limitedBy: GrantLimit;
      /** Set when this grant ends exactly at a blocking cap: the last units before the cut-off. */
      readonly finalCapId: string | undefined;
    }
  | {
      /** A blocking cap has no headroom left (not even one increment): nothing may be served. */
      readonly ok: true;
      readonly kind: "exhausted";
      readonly capId: string;
    }
  | RatingFailure;
