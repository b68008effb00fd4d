import { type Catalog, type Period, parsePeriod } from "../../domain/index.ts";
import { applyDuePlanChanges, type ChargingEngine, type Clock, type OnlineCharging, partitionFilter } from "../../engine/index.ts";
import type { Store } from "../../store/index.ts";
import { UserError } from "../errors.ts";
import { lineSeriesView, lineView, policyView } from "../line-ops.ts";
import type { NoticeDesk } from "../notices.ts";
import { roamingLimitView, setRoamingLimit } from "../roaming-limit.ts";
import type { Operation, Operations } from "./protocol.ts";

/** The owner's side: the engine serving the line's partition, with what its operations need. */
export interface OwnerDeps {
  readonly store: Store;
  readonly engine: ChargingEngine;
  readonly clock: Clock;
  readonly catalog: Catalog;
  readonly online: OnlineCharging;
  readonly notices: NoticeDesk;
}

export type OwnerHandlers = { [O in Operation]: (body: Operations[O]["request"]) => Promise<Operations[O]["result"]> };

/** Each forwarded operation, run exactly as the single-process App runs it. */
export function ownerHandlers(deps: OwnerDeps): OwnerHandlers {
  return {
    online: ({ request }) => deps.online.handle(request),
    line: ({ lineId, period }) => lineView(deps, lineId, period),
    series: ({ lineId, period }) => lineSeriesView(deps, lineId, period),
    policy: async ({ lineId }) => policyView(deps, lineId),
    "roaming-limit": async ({ lineId }) => roamingLimitView(deps, lineId),
    "roaming-limit.set": ({ lineId, choice, by }) => setRoamingLimit(deps, lineId, choice, by),
    consent: ({ lineId, capId, actor, channel, period }) => deps.notices.consent(lineId, capId, actor, channel, period),
    "line.reload": ({ lineId }) =>
      deps.engine.exclusive(async () => {
        const record = await deps.store.getLine(lineId);
        if (!record) throw new UserError("unknown_line", `no line ${lineId} in the store`);
        deps.engine.lines.put(record);
        return { loaded: true };
      }),
    "period.closing": ({ period }) =>
      deps.engine.exclusive(async () => {
        deps.engine.markClosed(asPeriod(period));
        return { marked: true as const };
      }),
    "period.closed": ({ period }) =>
      deps.engine.exclusive(async () => {
        deps.engine.markClosed(asPeriod(period));
        const at = new Date(deps.clock.now()).toISOString();
        const isClosed = (p: Period) => deps.engine.isClosed(p);
        return { applied: await applyDuePlanChanges(deps.store, deps.catalog, deps.engine.lines, isClosed, at, partitionFilter(deps.engine.partitions)) };
      }),
  };
}

function asPeriod(text: string): Period {
  const period = parsePeriod(text);
  if (!period) throw new UserError("invalid_period", `"${text}" is not a period (YYYY-MM)`);
  return period;
}
