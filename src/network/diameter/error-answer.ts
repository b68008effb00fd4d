// Answers that report a problem with the request itself (RFC 6733 §7.2 answer-message):
// protocol errors (3xxx) with the E bit, permanent failures (5xxx) without it but with the
// AVPs the command's grammar needs so that the peer's decoder accepts the answer.

import { type Answer, buildAnswer, type LocalIdentity, type RequestEnvelope } from "./answer.ts";
import { avp } from "./avp-build.ts";
import { findAvp } from "./avp-read.ts";
import * as Base from "./dict-base.ts";
import type { Dictionary } from "./dictionary.ts";
import { type DiameterProblem, leadingProblems, resultCodeOf } from "./problems.ts";
import type { Avp, DiameterMessage } from "./types.ts";

const echoed = (request: RequestEnvelope, dictionary: Dictionary): Avp[] => {
  const command = dictionary.command(request.applicationId, request.commandCode);
  const avps = request.avps ?? [];
  return (command?.echoInAnswer ?? []).map((def) => findAvp(avps, def)).filter((a): a is Avp => a !== undefined);
};

export const errorAnswer = (
  request: RequestEnvelope,
  identity: LocalIdentity,
  resultCode: number,
  details: { readonly message: string; readonly failedAvps?: readonly Avp[] },
  dictionary?: Dictionary,
): DiameterMessage => {
  const body: Avp[] = [];
  if (identity.originStateId !== undefined) {
    body.push(avp(Base.OriginStateId, identity.originStateId));
  }
  body.push(avp(Base.ErrorMessage, details.message));
  for (const failed of details.failedAvps ?? []) body.push(avp(Base.FailedAvp, [failed]));
  if (dictionary !== undefined && resultCode >= 4000) body.push(...echoed(request, dictionary));
  const answer: Answer = { resultCode, avps: body };
  return buildAnswer(request, identity, answer);
};

/** The answer to a request that failed validation; undefined when there is nothing to report. */
export const problemAnswer = (
  request: RequestEnvelope,
  identity: LocalIdentity,
  problems: readonly DiameterProblem[],
  dictionary: Dictionary,
): DiameterMessage | undefined => {
  const leading = leadingProblems(problems);
  const first = leading[0];
  if (first === undefined) return undefined;
  return errorAnswer(
    request,
    identity,
    resultCodeOf(first),
    {
      message: leading.map((p) => p.message).join("; "),
      failedAvps: leading.flatMap((p) => (p.failedAvp === undefined ? [] : [p.failedAvp])),
    },
    dictionary,
  );
};
