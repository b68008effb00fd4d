import type { OnlineAnswer, OnlineRequest } from "../../engine/index.ts";
import { ApplicationId, avp, BaseAvps as Base, CreditControlAvps as Cc, type RequestHandler, ResultCode, readValue } from "../diameter/index.ts";
import { ccaBody } from "./answer.ts";
import { parseCcr } from "./parse.ts";

/** The Gy CCR handler ("4/272"): parse, charge inside the engine, answer after the commit. */
export function ccrHandler(online: { handle(request: OnlineRequest): Promise<OnlineAnswer> }): RequestHandler {
  return async (request) => {
    const type = readValue(request.avps, Cc.CcRequestType) ?? 0;
    const number = readValue(request.avps, Cc.CcRequestNumber) ?? 0;
    const parsed = parseCcr(request);
    if (!parsed.ok) {
      return {
        resultCode: ResultCode.invalidAvpValue,
        avps: [
          avp(Base.AuthApplicationId, ApplicationId.creditControl),
          avp(Cc.CcRequestType, type),
          avp(Cc.CcRequestNumber, number),
          avp(Base.ErrorMessage, parsed.failure.message),
          avp(Base.FailedAvp, [parsed.failure.failedAvp]),
        ],
      };
    }
    return ccaBody(await online.handle(parsed.request), type, number);
  };
}
