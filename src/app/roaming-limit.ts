import { type Cap, effectiveCaps, type Micros, money, type Period } from "../domain/index.ts";
import type { ChargingEngine, Clock, LineState } from "../engine/index.ts";
import type { LineRecord, Store } from "../store/index.ts";
import { UserError } from "./errors.ts";

interface Deps {
  readonly store: Store;
  readonly engine: ChargingEngine;
  readonly clock: Clock;
}

/** What a line chose about the roaming-data safeguard: the catalog's limit, another, or none. */
export interface RoamingChoice {
  /** Undefined: the catalog's default limit (the regulation's 50 EUR in the default catalog). */
  readonly limit: Micros | undefined;
  readonly optOut: boolean;
}

export interface RoamingLimitView {
  line_id: string;
  account_id: string;
  period: string;
  cap_id: string;
  cap_name: string;
  adjustable_by: "customer" | "operator";
  currency: string;
  /** The catalog's default, e.g. "50.00": what applies when the customer chose nothing. */
  catalog_limit: string;
  /** The customer's own limit, null when none (catalog default or opted out). */
  limit: string | null;
  opt_out: boolean;
  /** What the engine enforces now: null when opted out. */
  effective_limit: string | null;
  used: string;
  warn_at_percent: number[];
  consented: boolean;
}

/** Far above any sane choice; a limit beyond it is a typing mistake, and opting out says it better. */
const MAX_LIMIT = 1_000_000 * 1_000_000;

function roamingCap(line: LineState): Cap {
  const cap = line.plan.caps.find((c) => c.lineRoamingOverride);
  if (!cap) throw new UserError("cap_not_adjustable", `plan ${line.plan.id} of line ${line.record.lineId} has no roaming limit a customer can choose`);
  return cap;
}

function lineOf(deps: Deps, lineId: string): LineState {
  const line = deps.engine.lines.get(lineId);
  if (!line) throw new UserError("unknown_line", `no line ${lineId}`);
  return line;
}

export function roamingLimitView(deps: Deps, lineId: string, period?: Period): RoamingLimitView {
  const line = lineOf(deps, lineId);
  const cap = roamingCap(line);
  const at = period ?? deps.engine.calendar.periodOf(deps.clock.now());
  const counters = deps.engine.countersOf(lineId, at);
  const used = counters ? counters.measure(cap.measure.kind, cap.measure.service, cap.measure.zones) : 0;
  const effective = line.caps.find((c) => c.cap.id === cap.id);
  const r = line.record;
  return {
    line_id: r.lineId,
    account_id: r.accountId,
    period: at,
    cap_id: cap.id,
    cap_name: cap.name,
    adjustable_by: cap.adjustableBy,
    currency: deps.engine.catalog.currency,
    catalog_limit: money.toCents(cap.limit as Micros),
    limit: r.roamingCap === undefined || r.roamingOptOut ? null : money.toCents(r.roamingCap),
    opt_out: r.roamingOptOut,
    effective_limit: effective ? money.toCents(effective.limit as Micros) : null,
    used: money.toPrice(used as Micros),
    warn_at_percent: [...cap.notices],
    consented: counters?.isConsented(cap.id) ?? false,
  };
}

/**
 * Changes a line's roaming-data limit or opts it out, free of charge and in force for the very
 * next record: the store and the engine's line are updated together inside the writer queue, so
 * no record is rated on a mix of old and new terms. Open online sessions are asked to
 * re-authorise, so that their next grant is sized on the new limit rather than the old one.
 */
export async function setRoamingLimit(
  deps: Deps,
  lineId: string,
  choice: RoamingChoice,
  by: { readonly actor: string; readonly party: "customer" | "operator"; readonly channel: string },
): Promise<{ before: RoamingLimitView; after: RoamingLimitView }> {
  if (choice.limit !== undefined && (choice.optOut || choice.limit < 0 || choice.limit > MAX_LIMIT || choice.limit % 10_000 !== 0)) {
    throw new UserError("invalid_limit", "a roaming limit is a whole number of cents between 0 and 1000000.00, and not given with an opt-out");
  }
  return deps.engine.exclusive(async () => {
    const line = lineOf(deps, lineId);
    const cap = roamingCap(line);
    if (cap.adjustableBy === "operator" && by.party === "customer") {
      throw new UserError("cap_not_adjustable", `cap ${cap.id} is set by the operator, not by the customer`);
    }
    const before = roamingLimitView(deps, lineId);
    const record: LineRecord = { ...line.record, roamingCap: choice.optOut ? undefined : choice.limit, roamingOptOut: choice.optOut };
    await deps.store.upsertLines([record]);
    deps.engine.lines.put(record);
    // A scheduled plan change keeps its own copies of the caps: they follow the new choice too.
    const b = line.boundary;
    if (b) {
      const choices = { roamingCap: record.roamingCap, roamingOptOut: record.roamingOptOut };
      line.boundary = {
        from: b.from,
        before: { ...b.before, caps: effectiveCaps(b.before.plan, choices) },
        after: { ...b.after, caps: effectiveCaps(b.after.plan, choices) },
      };
    }
    const at = new Date(deps.clock.now()).toISOString();
    deps.engine.events.emit("consent", { lineId, period: before.period as Period, capId: cap.id, at, actor: by.actor, channel: by.channel });
    return { before, after: roamingLimitView(deps, lineId) };
  });
}
