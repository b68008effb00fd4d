import type { CapAction, Service, Zone } from "../catalog/types.ts";
import type { Micros } from "../money.ts";

/** A notice the guard decided; the engine writes it to the outbox in the same commit. */
export type NoticeIntent =
  | {
      readonly kind: "roaming_welcome";
      /** Unique within the line and period: the idempotency key's tail. */
      readonly key: string;
      readonly urgent: false;
      readonly country: string;
      readonly countryName: string;
      readonly zone: Zone;
      readonly prices: readonly { readonly service: Service; readonly unitPrice: Micros; readonly unitLabel: string }[];
      readonly roamingCap: Micros | undefined;
    }
  | {
      readonly kind: "cap_warning" | "cap_reached";
      readonly key: string;
      readonly urgent: boolean;
      readonly capId: string;
      readonly capName: string;
      readonly action: CapAction;
      readonly threshold: number;
      readonly measure: "spend" | "volume";
      readonly used: number;
      readonly limit: number;
      /** For a cut-off: what one more unit would cost after consent. */
      readonly extraUnitPrice: Micros | undefined;
      readonly unitLabel: string | undefined;
      readonly throttleStatus: string | undefined;
      /** The rate a throttle cap serves the line at, for the notice's text. */
      readonly throttleRateKbps: number | undefined;
      /** A threshold re-armed after the customer consented to pass the cap (see rearm.ts). */
      readonly afterConsent: boolean;
    }
  | {
      readonly kind: "allowance_warning" | "allowance_used";
      readonly key: string;
      readonly urgent: false;
      readonly allowanceId: string;
      readonly service: Service;
      readonly threshold: number;
      readonly used: number;
      readonly amount: number;
    };

export type NoticeKind = NoticeIntent["kind"];
