import { type MessageKey, t } from "../i18n.ts";
import type { SeriesMarker } from "../types.ts";
import { type Frame, plotHeight, s } from "./svg.ts";

/** Where an instant falls in the period's local calendar: its date and hour there. */
export function localParts(iso: string, timeZone: string): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, hour: Number(get("hour")) };
}

export function markerLabel(m: SeriesMarker): string {
  return t(`marker.${m.kind}` as MessageKey, { threshold: m.threshold });
}

/** Markers worth drawing: a cut-off and a throttle replace the 100 % crossing of the same cap. */
export function visibleMarkers(markers: readonly SeriesMarker[]): SeriesMarker[] {
  const stopped = new Set(markers.filter((m) => m.kind === "cut_off" || m.kind === "throttled").map((m) => m.ref));
  return markers.filter((m) => !(m.kind === "cap_reached" && stopped.has(m.ref)));
}

/**
 * Vertical lines at the hour each marker happened, labelled at the top; labels that would
 * collide are stacked. Each carries `data-kind` and a `<title>` for hover and for tests.
 */
export function drawMarkers(frame: Frame, markers: readonly SeriesMarker[], dates: readonly string[], timeZone: string): SVGGElement {
  const band = (frame.width - frame.left - frame.right) / Math.max(1, dates.length);
  const g = s("g", { class: "markers" });
  const placed: number[] = [];
  for (const m of visibleMarkers(markers)) {
    const { date, hour } = localParts(m.at, timeZone);
    const index = dates.indexOf(date);
    if (index < 0) continue;
    const x = frame.left + (index + hour / 24) * band;
    let row = 0;
    while (placed.some((p, i) => i % 4 === row && Math.abs(p - x) < 70)) row += 1;
    placed[placed.length] = x;
    const stop = m.kind === "cut_off" || m.kind === "throttled";
    const label = markerLabel(m);
    g.append(
      s(
        "g",
        { class: `marker ${stop ? "stop" : "warn"}`, "data-kind": m.kind, "data-ref": m.ref, "data-date": date },
        s("title", {}, `${label} — ${date} ${String(hour).padStart(2, "0")}:00`),
        s("line", { x1: x, x2: x, y1: frame.top, y2: frame.top + plotHeight(frame) }),
        s("text", { x: x + 3, y: frame.top + 10 + (row % 4) * 12 }, label),
      ),
    );
  }
  return g;
}
