import type { LinePolicy } from "../../engine/index.ts";
import { type Avp, avp, group, SyAvps as Sy } from "../diameter/index.ts";
import type { SySubscription } from "./subscriptions.ts";

/** The counters a subscription covers, with their current status. */
export function subscribedStatuses(policy: LinePolicy, sub: Pick<SySubscription, "counters">): { id: string; status: string }[] {
  return policy.counters.filter((c) => sub.counters.length === 0 || sub.counters.includes(c.id)).map((c) => ({ id: c.id, status: c.status }));
}

export function statusReports(statuses: readonly { id: string; status: string }[]): Avp[] {
  return statuses.map((s) => group(Sy.PolicyCounterStatusReport, [avp(Sy.PolicyCounterIdentifier, s.id), avp(Sy.PolicyCounterStatus, s.status)]));
}
