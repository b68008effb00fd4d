import type { UsageInput } from "../types.ts";
import type { OnlineSession } from "./sessions.ts";
import type { OnlineRequest, UsedUnits } from "./types.ts";

/**
 * A used-units report as a usage record. The record id is the request's idempotency key plus the
 * rating group, so that the journal itself refuses to count one report twice.
 */
export function usedRecord(
  req: OnlineRequest,
  session: Pick<OnlineSession, "lineId" | "servingPlmn">,
  ratingGroup: number,
  used: UsedUnits,
  atMs: number,
): UsageInput {
  // Total wins when the gateway gives it; input and output are only how it splits.
  const total = used.total > 0 ? used.total : used.input + used.output;
  const up = Math.min(used.input, total);
  return {
    recordId: `gy:${req.sessionId}:${req.requestNumber}:${ratingGroup}`,
    lineId: session.lineId,
    imsi: undefined,
    msisdn: undefined,
    service: "data",
    startedMs: atMs,
    durationS: 0,
    bytesUp: up,
    bytesDown: total - up,
    servingPlmn: session.servingPlmn,
    ratingGroup,
    sessionId: req.sessionId,
    lineNo: req.requestNumber,
    raw: `CCR ${req.kind} ${req.sessionId} #${req.requestNumber} rg ${ratingGroup} used ${total}`,
  };
}
