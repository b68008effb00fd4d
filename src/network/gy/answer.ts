// An online answer into a CCA body. Deterministic: a retransmission is encoded from the stored
// answer again and comes out identical.
import type { FinalUnitAction, OnlineAnswer, ServiceAnswer, SessionResult } from "../../engine/index.ts";
import {
  type Answer,
  ApplicationId,
  type Avp,
  avp,
  BaseAvps as Base,
  CreditControlAvps as Cc,
  group,
  ResultCode,
  TgppAvps as Tgpp,
} from "../diameter/index.ts";

const SESSION_RESULT: Readonly<Record<SessionResult, number>> = {
  success: ResultCode.success,
  user_unknown: ResultCode.userUnknown,
  rating_failed: ResultCode.ratingFailed,
  unknown_session: ResultCode.unknownSessionId,
  session_exists: ResultCode.unableToComply,
};

const SERVICE_RESULT: Readonly<Record<ServiceAnswer["result"], number>> = {
  success: ResultCode.success,
  credit_limit_reached: ResultCode.creditLimitReached,
  rating_failed: ResultCode.ratingFailed,
};

function finalUnit(action: FinalUnitAction): Avp {
  if (action.kind === "terminate") return group(Cc.FinalUnitIndication, [avp(Cc.FinalUnitAction, Cc.FinalUnitAction.values.TERMINATE)]);
  return group(Cc.FinalUnitIndication, [
    avp(Cc.FinalUnitAction, Cc.FinalUnitAction.values.REDIRECT),
    group(Cc.RedirectServer, [avp(Cc.RedirectAddressType, Cc.RedirectAddressType.values.URL), avp(Cc.RedirectServerAddress, action.url)]),
  ]);
}

/** Armed on every grant: a border crossing makes the gateway report at once (RATING_CONDITION_CHANGE). */
const locationTrigger = (): Avp =>
  group(Tgpp.Trigger, [
    avp(Tgpp.TriggerType, Tgpp.TriggerType.values.CHANGEINLOCATION_MCC),
    avp(Tgpp.TriggerType, Tgpp.TriggerType.values.CHANGEINLOCATION_MNC),
  ]);

function mscc(s: ServiceAnswer): Avp {
  return group(Cc.MultipleServicesCreditControl, [
    s.granted === undefined ? undefined : group(Cc.GrantedServiceUnit, [avp(Cc.CcTotalOctets, BigInt(s.granted))]),
    avp(Cc.RatingGroup, s.ratingGroup),
    s.validityS === undefined ? undefined : avp(Cc.ValidityTime, s.validityS),
    avp(Base.ResultCode, SERVICE_RESULT[s.result]),
    s.finalAction === undefined ? undefined : finalUnit(s.finalAction),
    s.threshold === undefined ? undefined : avp(Tgpp.VolumeQuotaThreshold, s.threshold),
    s.granted === undefined ? undefined : locationTrigger(),
  ]);
}

/** The Failed-AVP of a rating failure: the serving network as the request carried it. */
function failedPlmn(plmn: string): Avp {
  return avp(Base.FailedAvp, [group(Tgpp.ServiceInformation, [group(Tgpp.PsInformation, [avp(Tgpp.TgppSgsnMccMnc, plmn)])])]);
}

export function ccaBody(answer: OnlineAnswer, requestType: number, requestNumber: number): Answer {
  const avps: (Avp | undefined)[] = [
    avp(Base.AuthApplicationId, ApplicationId.creditControl),
    avp(Cc.CcRequestType, requestType),
    avp(Cc.CcRequestNumber, requestNumber),
    answer.message === undefined ? undefined : avp(Base.ErrorMessage, answer.message),
    answer.result === "rating_failed" && answer.failedPlmn !== undefined ? failedPlmn(answer.failedPlmn) : undefined,
    ...answer.services.map(mscc),
  ];
  return { resultCode: SESSION_RESULT[answer.result], avps: avps.filter((a): a is Avp => a !== undefined) };
}
