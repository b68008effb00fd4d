// Lookup of AVP and command definitions by their wire identifiers.
import * as Tgpp from "./dict-3gpp.ts";
import * as Base from "./dict-base.ts";
import { allCommands } from "./dict-commands.ts";
import * as Cc from "./dict-credit-control.ts";
import * as CcExt from "./dict-credit-control-ext.ts";
import * as Sy from "./dict-sy.ts";
import type { AvpDef, CommandDef } from "./dictionary-types.ts";

export interface Dictionary {
  readonly avp: (vendorId: number, code: number) => AvpDef | undefined;
  readonly command: (applicationId: number, commandCode: number) => CommandDef | undefined;
  readonly applications: () => ReadonlySet<number>;
}

const avpKey = (vendorId: number, code: number): string => `${vendorId}:${code}`;
const commandKey = (applicationId: number, code: number): string => `${applicationId}/${code}`;

/** Later definitions of the same (vendor, code) are a data error: fail at start-up, loudly. */
export const createDictionary = (avps: readonly AvpDef[], commands: readonly CommandDef[]): Dictionary => {
  const byCode = new Map<string, AvpDef>();
  for (const def of avps) {
    const key = avpKey(def.vendorId, def.code);
    const existing = byCode.get(key);
    if (existing !== undefined && existing !== def) {
      throw new Error(`AVP ${key} defined twice: ${existing.name} and ${def.name}`);
    }
    byCode.set(key, def);
  }
  const byCommand = new Map<string, CommandDef>();
  for (const def of commands) byCommand.set(commandKey(def.applicationId, def.code), def);
  const applications = new Set(commands.map((c) => c.applicationId));
  return {
    avp: (vendorId, code) => byCode.get(avpKey(vendorId, code)),
    command: (applicationId, code) => byCommand.get(commandKey(applicationId, code)),
    applications: () => applications,
  };
};

const isAvpDef = (value: unknown): value is AvpDef => typeof value === "object" && value !== null && "code" in value && "type" in value;

/** Every AVP definition exported by the dictionary data files. */
export const standardAvps: readonly AvpDef[] = [Base, Cc, CcExt, Tgpp, Sy].flatMap((module) => Object.values(module).filter(isAvpDef));

/** Base protocol, Credit-Control (Gy) and Sy. */
export const defaultDictionary: Dictionary = createDictionary(standardAvps, allCommands);
