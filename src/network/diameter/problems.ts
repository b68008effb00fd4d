import { ResultCode } from "./codes.ts";
import type { Avp } from "./types.ts";

/**
 * Every way a received message can be wrong, with the Result-Code that RFC 6733 §7.1 assigns.
 * The code is stable (logs, metrics, tests match on it); the message is for humans.
 */
export const problemResultCodes = {
  unsupported_version: ResultCode.unsupportedVersion,
  invalid_message_length: ResultCode.invalidMessageLength,
  invalid_header_bits: ResultCode.invalidHeaderBits,
  application_unsupported: ResultCode.applicationUnsupported,
  command_unsupported: ResultCode.commandUnsupported,
  invalid_avp_length: ResultCode.invalidAvpLength,
  avp_unsupported: ResultCode.avpUnsupported,
  invalid_avp_value: ResultCode.invalidAvpValue,
  missing_avp: ResultCode.missingAvp,
} as const;

export type ProblemCode = keyof typeof problemResultCodes;

export interface DiameterProblem {
  readonly code: ProblemCode;
  readonly message: string;
  /** What goes into Failed-AVP: the offending AVP, wrapped in its Grouped ancestors if nested. */
  readonly failedAvp?: Avp;
}

export const resultCodeOf = (problem: DiameterProblem): number => problemResultCodes[problem.code];

/**
 * The order in which problems are reported when a message has several: a broken header makes
 * everything after it meaningless, and an unknown command makes AVP checks moot.
 */
const precedence: readonly ProblemCode[] = [
  "unsupported_version",
  "invalid_message_length",
  "invalid_header_bits",
  "application_unsupported",
  "command_unsupported",
  "invalid_avp_length",
  "avp_unsupported",
  "invalid_avp_value",
  "missing_avp",
];

/** The problems that one answer can report: those sharing the most severe Result-Code. */
export const leadingProblems = (problems: readonly DiameterProblem[]): readonly DiameterProblem[] => {
  for (const code of precedence) {
    const matching = problems.filter((p) => p.code === code);
    if (matching.length > 0) return matching;
  }
  return [];
};
