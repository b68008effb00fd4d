// From an application request to its answer. Never rejects: every failure becomes an answer
// with the right Result-Code, because an unanswered request costs the gateway its Tx timer.
import { buildAnswer, type LocalIdentity } from "./answer.ts";
import { ResultCode } from "./codes.ts";
import { errorAnswer, problemAnswer } from "./error-answer.ts";
import type { EventListener } from "./events.ts";
import { type Admission, type Handlers, handlerKey, type Peer } from "./peer-types.ts";
import { leadingProblems, resultCodeOf } from "./problems.ts";
import type { DiameterMessage } from "./types.ts";
import { type ValidationScope, validateRequest } from "./validate.ts";

export interface DispatchContext {
  readonly identity: LocalIdentity;
  readonly scope: ValidationScope;
  readonly handlers: Handlers;
  readonly admission: Admission;
  readonly onEvent: EventListener;
}

export const dispatchRequest = async (request: DiameterMessage, peer: Peer, ctx: DispatchContext): Promise<DiameterMessage> => {
  const { identity, scope } = ctx;
  const problems = validateRequest(request, {
    ...scope,
    serves: (app, command) => ctx.handlers[handlerKey(app, command)] !== undefined,
  });
  const invalid = problemAnswer(request, identity, problems, scope.dictionary);
  if (invalid !== undefined) {
    const leading = leadingProblems(problems);
    const resultCode = leading[0] === undefined ? ResultCode.unableToComply : resultCodeOf(leading[0]);
    ctx.onEvent({ type: "request_rejected", peer, resultCode, problems });
    return invalid;
  }

  const handler = ctx.handlers[handlerKey(request.applicationId, request.commandCode)];
  if (handler === undefined) {
    // Unreachable while validateRequest is told what is served; kept as a guard.
    const message = `no handler for command ${request.commandCode}`;
    return errorAnswer(request, identity, ResultCode.commandUnsupported, {
      message,
    });
  }

  if (!ctx.admission.tryAcquire()) {
    ctx.onEvent({
      type: "request_rejected",
      peer,
      resultCode: ResultCode.tooBusy,
      problems: [],
    });
    return errorAnswer(request, identity, ResultCode.tooBusy, {
      message: "too many requests in flight",
    });
  }
  try {
    return buildAnswer(request, identity, await handler(request, peer));
  } catch (error) {
    ctx.onEvent({ type: "handler_failed", peer, error });
    const message = "the request could not be processed";
    return errorAnswer(request, identity, ResultCode.unableToComply, { message }, scope.dictionary);
  } finally {
    ctx.admission.release();
  }
};
