// Tests that need an external program (tshark, erl) skip visibly when it is missing, except
// under CI=true where a missing tool is a broken environment and must fail the run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export type Availability = { readonly skip: false } | { readonly skip: string };

export const requireBinary = (name: string): Availability => {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], {
    encoding: "utf8",
  });
  if (found.status === 0) return { skip: false };
  const reason = `${name} not installed; install it to run this interoperability test`;
  if (process.env.CI === "true") throw new Error(`${reason} (CI=true: required)`);
  return { skip: reason };
};

/**
 * The Erlang peer compiles the RFC 4006 dictionary that OTP ships with its diameter examples
 * (Debian: erlang-examples); without it the peer cannot speak Credit-Control.
 */
export const requireErlangCreditControlDictionary = (): Availability => {
  const erl = requireBinary("escript");
  if (erl.skip !== false) return erl;
  const probe = spawnSync("erl", ["-noshell", "-eval", 'io:format("~s", [code:lib_dir(diameter)]), halt().'], {
    encoding: "utf8",
  });
  const dict = `${probe.stdout.trim()}/examples/dict/rfc4006_cc.dia`;
  if (probe.status === 0 && existsSync(dict)) return { skip: false };
  const reason = `OTP diameter example dictionaries not found (${dict}); install erlang-examples`;
  if (process.env.CI === "true") throw new Error(`${reason} (CI=true: required)`);
  return { skip: reason };
};
