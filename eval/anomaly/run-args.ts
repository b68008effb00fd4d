/** The CLI's arguments, parsed into values or into every error at once. */
import { parseArgs } from "node:util";
import type { Locale } from "../../src/domain/anomaly/index.ts";
import { PROFILES, type Profile } from "./harness.ts";

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export interface RunArgs {
  readonly seeds: readonly number[];
  readonly seedText: string;
  readonly lines: number;
  readonly profile: Profile;
  readonly format: "both" | "jsonl" | "table";
  readonly locale: Locale;
  readonly top: number;
}

export function parseSeeds(text: string): Parsed<number[]> {
  const range = /^(\d+)-(\d+)$/.exec(text);
  if (range) {
    const lo = Number(range[1]);
    const hi = Number(range[2]);
    if (hi < lo) return { ok: false, error: `empty seed range ${text}` };
    return { ok: true, value: Array.from({ length: hi - lo + 1 }, (_, i) => lo + i) };
  }
  const list = text.split(",").map((s) => s.trim());
  if (list.every((s) => /^\d+$/.test(s))) return { ok: true, value: list.map(Number) };
  return { ok: false, error: `--seed wants N, N-M or N,M,…: got "${text}"` };
}

function count(text: string, name: string, min: number): Parsed<number> {
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= min ? { ok: true, value: n } : { ok: false, error: `${name} wants a whole number ≥ ${min}: got "${text}"` };
}

function oneOf<T extends string>(text: string, name: string, allowed: readonly T[]): Parsed<T> {
  const found = allowed.find((a) => a === text);
  return found === undefined ? { ok: false, error: `${name} wants ${allowed.join(" | ")}: got "${text}"` } : { ok: true, value: found };
}

export function parseRunArgs(argv: readonly string[]): Parsed<RunArgs> {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        seed: { type: "string", default: "1" },
        lines: { type: "string", default: "4000" },
        profile: { type: "string", default: "mixed" },
        format: { type: "string", default: "both" },
        locale: { type: "string", default: "en" },
        top: { type: "string", default: "0" },
      },
    }).values;
  } catch (e) {
    // parseArgs reports unknown options by throwing; at this edge that is an input error.
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  const seedText = values.seed ?? "1";
  const seeds = parseSeeds(seedText);
  const lines = count(values.lines ?? "", "--lines", 3);
  const profile = oneOf(values.profile ?? "", "--profile", PROFILES);
  const format = oneOf(values.format ?? "", "--format", ["both", "jsonl", "table"] as const);
  const locale = oneOf(values.locale ?? "", "--locale", ["en", "fr"] as const);
  const top = count(values.top ?? "", "--top", 0);
  if (seeds.ok && lines.ok && profile.ok && format.ok && locale.ok && top.ok) {
    return {
      ok: true,
      value: {
        seeds: seeds.value,
        seedText,
        lines: lines.value,
        profile: profile.value,
        format: format.value,
        locale: locale.value,
        top: top.value,
      },
    };
  }
  const errors = [seeds, lines, profile, format, locale, top].flatMap((p) => (p.ok ? [] : [p.error]));
  return { ok: false, error: errors.join("\n") };
}
