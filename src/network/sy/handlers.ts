// Sy towards the policy server (TS 29.219): SLR subscribes to a line's policy counters and gets
// their status in the SLA; STR ends the subscription. Fair use is a status, never a denial.
import { type ChargingEngine, type Clock, linePolicy } from "../../engine/index.ts";
import {
  type Answer,
  ApplicationId,
  avp,
  BaseAvps as Base,
  CreditControlAvps as Cc,
  CommandCode,
  group,
  type Handlers,
  handlerKey,
  ResultCode,
  readValue,
  readValues,
  SyAvps as Sy,
  VendorId,
} from "../diameter/index.ts";
import { statusReports, subscribedStatuses } from "./reports.ts";
import type { SubscriptionTable } from "./subscriptions.ts";

/** TS 29.219 §5.5: a counter identifier the charging side does not know. */
const UNKNOWN_POLICY_COUNTERS = 5570;

const syApp = avp(Base.AuthApplicationId, ApplicationId.sy);

function experimental(code: number, message: string): Answer {
  return {
    avps: [syApp, group(Base.ExperimentalResult, [avp(Base.VendorId, VendorId.tgpp), avp(Base.ExperimentalResultCode, code)]), avp(Base.ErrorMessage, message)],
  };
}

export function syHandlers(engine: ChargingEngine, clock: Clock, table: SubscriptionTable): Handlers {
  return {
    [handlerKey(ApplicationId.sy, CommandCode.spendingLimit)]: async (request) => {
      const avps = request.avps;
      const sessionId = readValue(avps, Base.SessionId) ?? "";
      const known = table.get(sessionId);
      let lineId = known?.lineId;
      if (lineId === undefined) {
        let imsi: string | undefined;
        let msisdn: string | undefined;
        for (const sub of readValues(avps, Cc.SubscriptionId)) {
          const type = readValue(sub, Cc.SubscriptionIdType);
          if (type === Cc.SubscriptionIdType.values.END_USER_IMSI) imsi = readValue(sub, Cc.SubscriptionIdData);
          if (type === Cc.SubscriptionIdType.values.END_USER_E164) msisdn = readValue(sub, Cc.SubscriptionIdData);
        }
        const resolved = engine.lines.resolve({ lineId: undefined, imsi, msisdn });
        if (!resolved.ok) return { resultCode: ResultCode.userUnknown, avps: [syApp, avp(Base.ErrorMessage, resolved.message)] };
        lineId = resolved.line.record.lineId;
      }
      const policy = linePolicy(engine, lineId, clock.now());
      if (!policy) return { resultCode: ResultCode.userUnknown, avps: [syApp] };
      const asked = readValues(avps, Sy.PolicyCounterIdentifier);
      const unknown = asked.filter((id) => !policy.counters.some((c) => c.id === id));
      if (unknown.length > 0) return experimental(UNKNOWN_POLICY_COUNTERS, `unknown policy counters: ${unknown.join(", ")}`);
      const statuses = subscribedStatuses(policy, { counters: asked });
      table.put({
        sessionId,
        lineId,
        peerHost: readValue(avps, Base.OriginHost) ?? "",
        peerRealm: readValue(avps, Base.OriginRealm) ?? "",
        counters: asked,
        reported: new Map(statuses.map((s) => [s.id, s.status])),
      });
      return { resultCode: ResultCode.success, avps: [syApp, ...statusReports(statuses)] };
    },
    [handlerKey(ApplicationId.sy, CommandCode.sessionTermination)]: async (request) => {
      const sessionId = readValue(request.avps, Base.SessionId) ?? "";
      const removed = table.remove(sessionId);
      return { resultCode: removed ? ResultCode.success : ResultCode.unknownSessionId, avps: [syApp] };
    },
  };
}
