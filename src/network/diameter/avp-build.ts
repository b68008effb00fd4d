// Building AVPs from dictionary definitions: the definition fixes code, vendor and flags,
// and its type parameter makes the compiler check the value (bigint for Unsigned64, …).
import { encodeValue } from "./codec-values.ts";
import type { AvpDef } from "./dictionary-types.ts";
import { type Avp, AvpFlag, type AvpType, type AvpValueMap } from "./types.ts";

export interface AvpOptions {
  /** Overrides the definition's M-bit rule; e.g. to mimic a peer in tests. */
  readonly mandatory?: boolean;
  readonly protected?: boolean;
}

export const avpFlags = (def: AvpDef, options: AvpOptions = {}): number =>
  (def.vendorId !== 0 ? AvpFlag.vendor : 0) |
  ((options.mandatory ?? def.mandatory === "must") ? AvpFlag.mandatory : 0) |
  (options.protected === true ? AvpFlag.protected : 0);

export const avp = <T extends AvpType>(def: AvpDef<T>, value: AvpValueMap[T], options?: AvpOptions): Avp => ({
  code: def.code,
  flags: avpFlags(def, options),
  vendorId: def.vendorId,
  data: encodeValue(def.type, value),
});

/**
 * A Grouped AVP from optional parts: `undefined` entries are dropped, which keeps message
 * builders free of conditionals for optional AVPs.
 */
export const group = (def: AvpDef<"Grouped">, children: readonly (Avp | undefined)[], options?: AvpOptions): Avp =>
  avp(
    def,
    children.filter((c): c is Avp => c !== undefined),
    options,
  );

/** An AVP outside the dictionary, e.g. a vendor extension passed through untouched. */
export const rawAvp = (fields: { readonly code: number; readonly vendorId?: number; readonly mandatory?: boolean; readonly data: Buffer }): Avp => ({
  code: fields.code,
  vendorId: fields.vendorId ?? 0,
  flags: ((fields.vendorId ?? 0) !== 0 ? AvpFlag.vendor : 0) | (fields.mandatory === true ? AvpFlag.mandatory : 0),
  data: fields.data,
});
