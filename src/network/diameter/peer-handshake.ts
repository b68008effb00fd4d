// Judging a peer's CER (as responder) or CEA (as initiator), and answers in general.
import { readValue } from "./avp-read.ts";
import { ceaAnswer } from "./base-messages.ts";
import { advertisedApplications, commonApplications, type PeerCapabilities, readCapabilities } from "./capabilities.ts";
import { ResultCode } from "./codes.ts";
import type { PeerSettings } from "./config.ts";
import * as Base from "./dict-base.ts";
import { CER } from "./dict-commands.ts";
import type { Dictionary } from "./dictionary.ts";
import { type DiameterProblem, leadingProblems, resultCodeOf } from "./problems.ts";
import { type DiameterMessage, err, ok, type Result } from "./types.ts";
import { checkAvps, missingAvps, validateRequest } from "./validate.ts";

export interface HandshakeError {
  readonly code: "capabilities_timeout" | "capabilities_rejected" | "invalid_cea" | "no_common_application" | "connection_closed";
  readonly message: string;
  readonly resultCode?: number;
}

export interface CerVerdict {
  readonly answer: DiameterMessage;
  readonly resultCode: number;
  readonly message: string;
  readonly remote: PeerCapabilities | undefined;
  /** Undefined when the peer is refused. */
  readonly applications: ReadonlySet<number> | undefined;
}

export const acceptCer = (cer: DiameterMessage, settings: PeerSettings, localAddress: string | undefined): CerVerdict => {
  const caps = settings.capabilities;
  const problems = validateRequest(cer, {
    dictionary: settings.dictionary,
    applications: new Set(),
  });
  const leading = leadingProblems(problems);
  const first = leading[0];
  if (first !== undefined) {
    const resultCode = resultCodeOf(first);
    const message = leading.map((p) => p.message).join("; ");
    const failed = leading.flatMap((p) => (p.failedAvp === undefined ? [] : [p.failedAvp]));
    const answer = ceaAnswer(cer, caps, localAddress, resultCode, message, failed);
    return {
      answer,
      resultCode,
      message,
      remote: undefined,
      applications: undefined,
    };
  }
  const remote = readCapabilities(cer);
  const common = commonApplications(advertisedApplications(caps), remote.applications);
  if (common.size === 0) {
    const resultCode = ResultCode.noCommonApplication;
    const message = `no common application (peer offers ${[...remote.applications].join(", ") || "none"})`;
    const answer = ceaAnswer(cer, caps, localAddress, resultCode, message);
    return { answer, resultCode, message, remote, applications: undefined };
  }
  const answer = ceaAnswer(cer, caps, localAddress, ResultCode.success);
  return {
    answer,
    resultCode: ResultCode.success,
    message: "",
    remote,
    applications: common,
  };
};

/**
 * Problems that make an answer unusable: malformed values or lengths. Unknown M-bit AVPs are
 * tolerated in answers; rejecting them would turn a peer's extension into a lost answer.
 */
export const answerProblems = (answer: DiameterMessage, dictionary: Dictionary): DiameterProblem[] =>
  checkAvps(answer.avps, dictionary).filter((p) => p.code !== "avp_unsupported");

export const checkCea = (
  cea: DiameterMessage,
  settings: PeerSettings,
): Result<{ remote: PeerCapabilities; applications: ReadonlySet<number> }, HandshakeError> => {
  const problems = [...answerProblems(cea, settings.dictionary), ...missingAvps(cea.avps, CER.answerRequires)];
  if (problems.length > 0) {
    return err({
      code: "invalid_cea",
      message: problems.map((p) => p.message).join("; "),
    });
  }
  const resultCode = readValue(cea.avps, Base.ResultCode) ?? 0;
  if (resultCode !== ResultCode.success) {
    const detail = readValue(cea.avps, Base.ErrorMessage) ?? "";
    const message = `CEA Result-Code ${resultCode} ${detail}`.trim();
    return err({ code: "capabilities_rejected", message, resultCode });
  }
  const remote = readCapabilities(cea);
  const applications = commonApplications(advertisedApplications(settings.capabilities), remote.applications);
  if (applications.size === 0) {
    return err({
      code: "no_common_application",
      message: "the CEA shares no application",
    });
  }
  return ok({ remote, applications });
};
