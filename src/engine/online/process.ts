import { type Period, resolveZone, type Zone } from "../../domain/index.ts";
import type { ChargingEngine } from "../engine.ts";
import type { LineState } from "../line-state.ts";
import { grantFor } from "./grant-service.ts";
import { OnlineSession, type SessionTable } from "./sessions.ts";
import type { OnlineStepContext } from "./step.ts";
import type { OnlineAnswer, OnlineOptions, OnlineRequest, ServiceAnswer, SessionResult } from "./types.ts";
import { usedRecord } from "./used.ts";

export interface ProcessDeps {
  readonly engine: ChargingEngine;
  readonly table: SessionTable;
  readonly options: OnlineOptions;
  readonly nowMs: number;
}

const answerOf = (result: SessionResult, services: ServiceAnswer[] = [], extra: Partial<OnlineAnswer> = {}): OnlineAnswer => ({
  result,
  services,
  failedPlmn: undefined,
  message: undefined,
  ...extra,
});

const ok = (ratingGroup: number): ServiceAnswer => ({
  ratingGroup,
  result: "success",
  granted: undefined,
  validityS: undefined,
  threshold: undefined,
  finalAction: undefined,
  capId: undefined,
});

type Where = { ok: true; zone: Zone } | { ok: false; answer: OnlineAnswer };

function zoneOf(engine: ChargingEngine, plmn: string | undefined): Where {
  const network = plmn === undefined ? undefined : engine.networks.lookup(plmn);
  if (!network) {
    const message =
      plmn === undefined ? "no 3GPP-SGSN-MCC-MNC: the serving network, hence the zone, is unknown" : `serving network ${plmn} is not in the MCC-MNC reference`;
    return { ok: false, answer: answerOf("rating_failed", [], { failedPlmn: plmn ?? "", message }) };
  }
  return { ok: true, zone: resolveZone(engine.catalog, network).zone };
}

/**
 * One CCR's effect, inside the writer queue: used units are charged first, at the network they
 * were used on; then the location is updated; then new units are granted in the (new) zone.
 */
export function processRequest(req: OnlineRequest, ctx: OnlineStepContext, deps: ProcessDeps): OnlineAnswer {
  const { engine, table } = deps;
  const atMs = req.eventMs ?? deps.nowMs;
  const period = engine.calendar.periodOf(atMs);
  let session = table.get(req.sessionId);
  let line: LineState | undefined;

  if (req.kind === "initial" || req.kind === "event") {
    if (session) return answerOf("session_exists", [], { message: `session ${req.sessionId} is already open` });
    const resolved = engine.lines.resolve({ lineId: undefined, imsi: req.imsi, msisdn: req.msisdn });
    if (!resolved.ok) return answerOf("user_unknown", [], { message: resolved.message });
    line = resolved.line;
    const where = zoneOf(engine, req.servingPlmn);
    if (!where.ok) return where.answer;
    session = new OnlineSession(req.sessionId, line.record.lineId, req.peerHost, req.peerRealm, req.servingPlmn as string, req.requestNumber, atMs, deps.nowMs);
  } else {
    if (!session) return answerOf("unknown_session", [], { message: `no open session ${req.sessionId}` });
    line = engine.lines.get(session.lineId);
    if (!line) return answerOf("user_unknown", [], { message: `line ${session.lineId} is gone` });
  }

  const services: ServiceAnswer[] = [];
  let ratingFailed = false;
  for (const s of req.services) {
    if (!s.used) continue;
    const outcome = ctx.charge(usedRecord(req, session, s.ratingGroup, s.used, atMs));
    session.reservations.delete(s.ratingGroup);
    if (outcome.kind === "rejected") ratingFailed = true;
  }

  if (req.kind === "termination") {
    table.remove(session);
    ctx.writes.closedSessions.push(session.sessionId);
    return answerOf(
      "success",
      req.services.map((s) => ok(s.ratingGroup)),
    );
  }
  if (req.kind === "event") return directDebit(req, ctx, deps, session, line, period);

  // A border crossing reported by the armed trigger: rate from now on at the new network.
  if (req.servingPlmn !== undefined && req.servingPlmn !== session.servingPlmn) {
    const moved = zoneOf(engine, req.servingPlmn);
    if (!moved.ok) return closeOver(session, ctx, deps, moved.answer);
    session.servingPlmn = req.servingPlmn;
  }
  const where = zoneOf(engine, session.servingPlmn);
  if (!where.ok) return closeOver(session, ctx, deps, where.answer);
  const scope = { engine, table, options: deps.options, line, period, zone: where.zone, sessionId: session.sessionId };
  if (!table.get(session.sessionId)) table.add(session);
  for (const s of req.services) {
    if (s.wantsUnits) services.push(grantFor(scope, s, session.reservations));
    else services.push(ok(s.ratingGroup));
  }
  session.lastRequestNumber = req.requestNumber;
  session.lastSeenMs = deps.nowMs;
  ctx.writes.sessions.push(session.toRow());
  if (ratingFailed) return answerOf("rating_failed", services, { failedPlmn: session.servingPlmn, message: "used units could not be rated" });
  return answerOf("success", services);
}

/** A request that cannot be rated any more: the session keeps no grant it could use. */
function closeOver(session: OnlineSession, ctx: OnlineStepContext, deps: ProcessDeps, answer: OnlineAnswer): OnlineAnswer {
  session.reservations.clear();
  session.lastSeenMs = deps.nowMs;
  if (deps.table.get(session.sessionId)) ctx.writes.sessions.push(session.toRow());
  return answer;
}

/**
 * CCR-E with Requested-Action DIRECT_DEBITING: the requested units are debited at once if they
 * fit under every blocking cap, and refused whole (4012) if not: an event is never half-served.
 */
function directDebit(req: OnlineRequest, ctx: OnlineStepContext, deps: ProcessDeps, session: OnlineSession, line: LineState, period: Period): OnlineAnswer {
  const where = zoneOf(deps.engine, session.servingPlmn);
  if (!where.ok) return where.answer;
  const scope = { engine: deps.engine, table: deps.table, options: deps.options, line, period, zone: where.zone, sessionId: session.sessionId };
  const services: ServiceAnswer[] = [];
  for (const s of req.services) {
    if (!s.wantsUnits || s.requested === undefined || s.requested <= 0) {
      services.push(ok(s.ratingGroup));
      continue;
    }
    const granted = grantFor(scope, s, new Map());
    if (granted.result === "success" && granted.granted === s.requested) {
      ctx.charge(usedRecord(req, session, s.ratingGroup, { total: s.requested, input: 0, output: s.requested }, session.openedMs));
      services.push({ ...ok(s.ratingGroup), granted: s.requested });
    } else if (granted.result === "rating_failed") {
      services.push(granted);
    } else {
      services.push({ ...ok(s.ratingGroup), result: "credit_limit_reached", capId: granted.capId });
    }
  }
  return answerOf("success", services);
}
