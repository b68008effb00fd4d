import type { Locale } from "../i18n.ts";
import type { LineSeries } from "../types.ts";
import { formatDate, formatOctets } from "../units.ts";
import { drawMarkers } from "./markers.ts";
import { FRAME, niceTicks, plotHeight, plotWidth, s, zoneColour } from "./svg.ts";

export const ZONE_ORDER = ["home", "national", "eu", "world", "non_terrestrial"];

/** Data octets per local day and zone. */
export function dataByDay(series: LineSeries): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const d of series.daily) {
    if (d.service !== "data") continue;
    const day = out.get(d.date) ?? new Map<string, number>();
    day.set(d.zone, (day.get(d.zone) ?? 0) + d.quantity);
    out.set(d.date, day);
  }
  return out;
}

/** Stacked bars of data volume per day by zone, with the cap markers across them. */
export function volumeChart(series: LineSeries, locale: Locale, titleId: string, descId: string, title: string, desc: string): SVGSVGElement {
  const f = FRAME;
  const byDay = dataByDay(series);
  const max = Math.max(1, ...[...byDay.values()].map((z) => [...z.values()].reduce((a, b) => a + b, 0)));
  // Ticks at round numbers of the unit people read (MiB, GiB), not of bytes.
  const unit = [1024 ** 4, 1024 ** 3, 1024 ** 2, 1024].find((u) => max >= u) ?? 1;
  const ticks = niceTicks(max / unit).map((v) => v * unit);
  const top = ticks.at(-1) ?? max;
  const y = (v: number) => f.top + plotHeight(f) - (v / top) * plotHeight(f);
  const band = plotWidth(f) / Math.max(1, series.dates.length);
  const svg = s("svg", {
    viewBox: `0 0 ${f.width} ${f.height}`,
    role: "img",
    "aria-labelledby": `${titleId} ${descId}`,
    class: "chart",
    "data-chart": "volume",
  });
  svg.append(s("title", { id: titleId }, title), s("desc", { id: descId }, desc));
  const axis = s("g", { class: "axis" });
  for (const v of ticks) {
    axis.append(
      s("line", { x1: f.left, x2: f.width - f.right, y1: y(v), y2: y(v), class: "grid" }),
      s("text", { x: f.left - 6, y: y(v) + 4, "text-anchor": "end" }, formatOctets(v, locale)),
    );
  }
  for (const [i, date] of series.dates.entries()) {
    if (i % 5 === 0 || i === series.dates.length - 1) {
      axis.append(s("text", { x: f.left + (i + 0.5) * band, y: f.height - f.bottom + 16, "text-anchor": "middle" }, formatDate(date, locale)));
    }
  }
  svg.append(axis);
  const bars = s("g", { class: "bars" });
  for (const [i, date] of series.dates.entries()) {
    const zones = byDay.get(date);
    if (!zones) continue;
    let base = 0;
    for (const zone of ZONE_ORDER) {
      const v = zones.get(zone) ?? 0;
      if (v === 0) continue;
      bars.append(
        s("rect", {
          x: f.left + i * band + 1,
          width: Math.max(1, band - 2),
          y: y(base + v),
          height: Math.max(0.5, y(base) - y(base + v)),
          fill: zoneColour(zone),
          "data-zone": zone,
          "data-date": date,
        }),
      );
      base += v;
    }
  }
  svg.append(bars, drawMarkers(f, series.markers, series.dates, series.time_zone));
  return svg;
}
