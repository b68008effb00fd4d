// Reading AVPs through their definitions. Values of a received request were checked when it
// arrived (validate.ts), so a decoding failure here means the message skipped validation:
// a bug, reported by throwing rather than by a silent `undefined`.
import { decodeValue, type ValueError } from "./codec-values.ts";
import type { AvpDef } from "./dictionary-types.ts";
import type { Avp, AvpType, AvpValueMap, Result } from "./types.ts";

export const isAvp = (candidate: Avp, def: AvpDef): boolean => candidate.code === def.code && candidate.vendorId === def.vendorId;

export const findAvp = (avps: readonly Avp[], def: AvpDef): Avp | undefined => avps.find((a) => isAvp(a, def));

export const findAvps = (avps: readonly Avp[], def: AvpDef): Avp[] => avps.filter((a) => isAvp(a, def));

export const decodeAvp = <T extends AvpType>(target: Avp, def: AvpDef<T>): Result<AvpValueMap[T], ValueError> => decodeValue(def.type, target.data);

export class AvpDecodeError extends Error {
  constructor(def: AvpDef, error: ValueError) {
    super(`${def.name}: ${error.message} (message was not validated)`);
    this.name = "AvpDecodeError";
  }
}

const decodeOrThrow = <T extends AvpType>(target: Avp, def: AvpDef<T>): AvpValueMap[T] => {
  const decoded = decodeAvp(target, def);
  if (!decoded.ok) throw new AvpDecodeError(def, decoded.error);
  return decoded.value;
};

/** The value of the first matching AVP, or undefined when absent. */
export const readValue = <T extends AvpType>(avps: readonly Avp[], def: AvpDef<T>): AvpValueMap[T] | undefined => {
  const found = findAvp(avps, def);
  return found === undefined ? undefined : decodeOrThrow(found, def);
};

/** The values of all matching AVPs, in message order. */
export const readValues = <T extends AvpType>(avps: readonly Avp[], def: AvpDef<T>): AvpValueMap[T][] => findAvps(avps, def).map((a) => decodeOrThrow(a, def));
