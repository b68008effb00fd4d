import type { Catalog, NetworkDirectory, Outcome, ReviewError } from "../../domain/index.ts";
import type { ChargingEngine, Clock } from "../../engine/index.ts";
import type { Store } from "../../store/index.ts";
import { UserError } from "../errors.ts";

/** What the review desk needs from the composition root (the `App` provides all of it). */
export interface DeskDeps {
  readonly store: Store;
  readonly catalog: Catalog;
  readonly networks: NetworkDirectory;
  readonly engine: ChargingEngine;
  readonly clock: Clock;
}

/** The value of a domain outcome, or the user's error with its stable code. */
export function must<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new UserError(outcome.code, outcome.message);
  return outcome.value;
}

export function refused(error: ReviewError | undefined): void {
  if (error) throw new UserError(error.code, error.message);
}

/** The time of an action, read once: every row it writes carries the same instant. */
export function nowIso(deps: DeskDeps): string {
  return new Date(deps.clock.now()).toISOString();
}
