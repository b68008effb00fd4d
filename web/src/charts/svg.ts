import type { Attrs, Child } from "../dom.ts";
import { append, setAttrs } from "../dom.ts";

const NS = "http://www.w3.org/2000/svg";

/** An SVG element, built like `h()`: attributes set one by one, text as text nodes. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | readonly Child[])[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Zone colours: distinct in hue and lightness, each at least 4.5:1 against the white plot. */
export const ZONE_COLOURS: Readonly<Record<string, string>> = {
  home: "#0b3d91",
  national: "#2f6fbf",
  eu: "#b33c00",
  world: "#6b21a8",
  non_terrestrial: "#046c4e",
};

export function zoneColour(zone: string): string {
  return ZONE_COLOURS[zone] ?? "#333333";
}

/** Round numbers for an axis: 0 and about four steps up to at least `max`. */
export function niceTicks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((v) => v >= rough) ?? rough;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}

export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export const FRAME: Frame = { width: 760, height: 300, left: 72, right: 16, top: 28, bottom: 44 };

export function plotWidth(f: Frame): number {
  return f.width - f.left - f.right;
}

export function plotHeight(f: Frame): number {
  return f.height - f.top - f.bottom;
}
