// Overload protection: past a number of application requests in flight, new ones are answered
// 3004 DIAMETER_TOO_BUSY at once, so that the gateway fails over instead of timing out (Tx).
import type { Admission } from "./peer-types.ts";

export interface InFlightLimit extends Admission {
  readonly inFlight: () => number;
}

/** `undefined` means no limit. */
export const inFlightLimit = (max: number | undefined): InFlightLimit => {
  let current = 0;
  return {
    tryAcquire: () => {
      if (max !== undefined && current >= max) return false;
      current += 1;
      return true;
    },
    release: () => {
      current = Math.max(0, current - 1);
    },
    inFlight: () => current,
  };
};
