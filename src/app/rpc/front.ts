import type { ChargingEngine, OnlineAnswer, OnlineRequest } from "../../engine/index.ts";
import type { OnlineStore } from "../../store/index.ts";
import type { EngineRouter } from "./router.ts";

/** What the Gy adapter needs: an answer to each parsed credit-control request. */
export interface OnlineHandler {
  handle(request: OnlineRequest): Promise<OnlineAnswer>;
}

const refused = (result: "user_unknown" | "unknown_session", message: string): OnlineAnswer => ({ result, services: [], failedPlmn: undefined, message });

/**
 * Online charging on a front end: finds the line a credit-control request is about — by its
 * subscription ids on CCR-I/E, by its session on CCR-U/T, which may carry none — and forwards it
 * to the engine that owns the line's partition. The owner charges and answers; the front end only
 * routes, so it keeps no charging state of its own.
 */
export class ForwardedOnline implements OnlineHandler {
  private readonly lineOfSession = new Map<string, string>();

  constructor(
    private readonly router: EngineRouter,
    private readonly directory: ChargingEngine["lines"],
    private readonly store: OnlineStore,
  ) {}

  async handle(request: OnlineRequest): Promise<OnlineAnswer> {
    const lineId = await this.lineOf(request);
    if (typeof lineId !== "string") return lineId;
    const answer = await this.router.call("online", { lineId, request });
    if (request.kind === "initial" && answer.result === "success") this.lineOfSession.set(request.sessionId, lineId);
    if (request.kind === "termination") this.lineOfSession.delete(request.sessionId);
    return answer;
  }

  private async lineOf(request: OnlineRequest): Promise<string | OnlineAnswer> {
    if (request.imsi !== undefined || request.msisdn !== undefined) {
      const resolved = this.directory.resolve({ lineId: undefined, imsi: request.imsi, msisdn: request.msisdn });
      if (resolved.ok) return resolved.line.record.lineId;
      if (request.kind === "initial" || request.kind === "event") return refused("user_unknown", resolved.message);
    }
    // A session opened through another front end, or before this one started, is in the store.
    const known = this.lineOfSession.get(request.sessionId) ?? (await this.store.lineOfSession(request.sessionId));
    return known ?? refused("unknown_session", `no open session ${request.sessionId}`);
  }
}
