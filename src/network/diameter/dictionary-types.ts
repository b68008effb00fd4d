// The shape of dictionary data. Definitions are plain typed constants so that reading an AVP
// through its definition yields the right TypeScript type (string, bigint, Avp[], …).
import type { AvpType } from "./types.ts";

/** How the M bit is set on AVPs we send (RFC 6733 §4.5 "MUST", "MAY", "MUST NOT"). */
export type FlagRule = "must" | "may" | "mustnot";

export interface AvpDef<T extends AvpType = AvpType> {
  readonly name: string;
  readonly code: number;
  /** 0 for IETF AVPs; 10415 for 3GPP. A non-zero vendor sets the V bit. */
  readonly vendorId: number;
  readonly type: T;
  readonly mandatory: FlagRule;
  /** Grouped only: children that must be present (the `{ AVP }` entries of the ABNF). */
  readonly required?: readonly AvpDef[];
}

/** An Enumerated definition that also names its values, e.g. `CC_REQUEST_TYPE.values.INITIAL_REQUEST`. */
export interface EnumDef<V extends Readonly<Record<string, number>>> extends AvpDef<"Enumerated"> {
  readonly values: V;
}

export interface CommandDef {
  /** Abbreviation of the request, e.g. "CCR"; the answer is the same with "A". */
  readonly name: string;
  readonly code: number;
  readonly applicationId: number;
  readonly proxiable: boolean;
  /** Fixed and required AVPs of the request ABNF (`< >` and `{ }`). */
  readonly requestRequires: readonly AvpDef[];
  readonly answerRequires: readonly AvpDef[];
  /**
   * AVPs copied from the request into an answer that reports a permanent failure, so that the
   * answer still matches the command's grammar (CC-Request-Type/Number in a CCA, …).
   */
  readonly echoInAnswer: readonly AvpDef[];
}

type AvpDefInput<T extends AvpType> = Omit<AvpDef<T>, "vendorId" | "mandatory"> & Partial<Pick<AvpDef<T>, "vendorId" | "mandatory">>;

/** Defaults mirror the common case: an IETF AVP whose M bit must be set. */
export const defineAvp = <T extends AvpType>(def: AvpDefInput<T>): AvpDef<T> => ({
  vendorId: 0,
  mandatory: "must",
  ...def,
});

export const defineEnum = <const V extends Readonly<Record<string, number>>>(
  def: Omit<AvpDefInput<"Enumerated">, "type"> & { readonly values: V },
): EnumDef<V> => ({
  vendorId: 0,
  mandatory: "must",
  type: "Enumerated",
  ...def,
});

export const defineCommand = (def: Omit<CommandDef, "echoInAnswer" | "proxiable"> & Partial<Pick<CommandDef, "echoInAnswer" | "proxiable">>): CommandDef => ({
  proxiable: true,
  echoInAnswer: [],
  ...def,
});
