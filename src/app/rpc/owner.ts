import type { Catalog } from "../../domain/index.ts";
import type { ChargingEngine, Clock, OnlineCharging } from "../../engine/index.ts";
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
  };
}
