// Checks a received request against the dictionary and the applications agreed with the peer.
// Collects every problem; the answer then reports the most severe kind (problems.ts).
import { avpFlags } from "./avp-build.ts";
import { isAvp } from "./avp-read.ts";
import { encodeAvps, parseAvps } from "./codec-avp.ts";
import { decodeValue, minimumData } from "./codec-values.ts";
import type { Dictionary } from "./dictionary.ts";
import type { AvpDef } from "./dictionary-types.ts";
import type { DiameterProblem } from "./problems.ts";
import { type Avp, AvpFlag, type DiameterMessage } from "./types.ts";

export interface ValidationScope {
  readonly dictionary: Dictionary;
  /** Applications agreed in the capabilities exchange; 0 (base protocol) is always accepted. */
  readonly applications: ReadonlySet<number>;
  /** Commands this node serves; one known to the dictionary but not served is 3001. */
  readonly serves?: (applicationId: number, commandCode: number) => boolean;
}

/** A zero-filled example of a missing AVP, as RFC 6733 §7.1.5 asks for in Failed-AVP. */
const example = (def: AvpDef): Avp => ({
  code: def.code,
  flags: avpFlags(def),
  vendorId: def.vendorId,
  data: minimumData(def.type),
});

export const missingAvps = (avps: readonly Avp[], required: readonly AvpDef[]): DiameterProblem[] =>
  required
    .filter((def) => !avps.some((a) => isAvp(a, def)))
    .map((def) => ({
      code: "missing_avp",
      message: `${def.name} missing`,
      failedAvp: example(def),
    }));

/** Failed-AVP for a nested culprit: the Grouped ancestor holding only that culprit. */
const within = (parent: Avp, problem: DiameterProblem): DiameterProblem =>
  problem.failedAvp === undefined
    ? problem
    : {
        ...problem,
        failedAvp: { ...parent, data: encodeAvps([problem.failedAvp]) },
      };

export const checkAvps = (avps: readonly Avp[], dictionary: Dictionary): DiameterProblem[] => {
  const problems: DiameterProblem[] = [];
  for (const candidate of avps) {
    const def = dictionary.avp(candidate.vendorId, candidate.code);
    if (def === undefined) {
      // Unknown AVPs without the M bit are ignored silently (RFC 6733 §4.1).
      if ((candidate.flags & AvpFlag.mandatory) !== 0) {
        const where = candidate.vendorId === 0 ? "" : ` of vendor ${candidate.vendorId}`;
        problems.push({
          code: "avp_unsupported",
          message: `AVP ${candidate.code}${where} unknown with M bit`,
          failedAvp: candidate,
        });
      }
      continue;
    }
    if (def.type === "Grouped") {
      const children = parseAvps(candidate.data);
      if (!children.ok) {
        problems.push({
          ...children.error,
          message: `${def.name}: ${children.error.message}`,
        });
        continue;
      }
      const nested = [...checkAvps(children.value, dictionary), ...missingAvps(children.value, def.required ?? [])];
      problems.push(...nested.map((p) => within(candidate, p)));
      continue;
    }
    const decoded = decodeValue(def.type, candidate.data);
    if (!decoded.ok) {
      const { code, message } = decoded.error;
      problems.push({
        code,
        message: `${def.name}: ${message}`,
        failedAvp: candidate,
      });
    }
  }
  return problems;
};

export const validateRequest = (message: DiameterMessage, scope: ValidationScope): DiameterProblem[] => {
  const problems: DiameterProblem[] = [];
  if (message.flags.error) {
    problems.push({
      code: "invalid_header_bits",
      message: "E bit set on a request",
    });
  }
  if (message.applicationId !== 0 && !scope.applications.has(message.applicationId)) {
    const text = `application ${message.applicationId} not agreed with this peer`;
    return [...problems, { code: "application_unsupported", message: text }];
  }
  const command = scope.dictionary.command(message.applicationId, message.commandCode);
  const served = scope.serves?.(message.applicationId, message.commandCode) ?? true;
  if (command === undefined || !served) {
    const text = `command ${message.commandCode} unknown in application ${message.applicationId}`;
    return [...problems, { code: "command_unsupported", message: text }];
  }
  problems.push(...checkAvps(message.avps, scope.dictionary));
  problems.push(...missingAvps(message.avps, command.requestRequires));
  return problems;
};
