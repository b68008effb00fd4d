import { type Locale, tMaybe } from "../i18n.ts";
import { formatMoney, microsToText, toMicros } from "../money.ts";
import type { LineSeries } from "../types.ts";
import { formatDate } from "../units.ts";
import { drawMarkers } from "./markers.ts";
import { FRAME, niceTicks, plotHeight, plotWidth, s, zoneColour } from "./svg.ts";
import { ZONE_ORDER } from "./volume.ts";

/** Billed spend summed from the first day, per zone and in total, as exact micros (bigint). */
export function cumulativeSpend(series: LineSeries): { zones: Map<string, bigint[]>; total: bigint[] } {
  const daily = new Map<string, Map<string, bigint>>();
  for (const d of series.daily) {
    const day = daily.get(d.date) ?? new Map<string, bigint>();
    day.set(d.zone, (day.get(d.zone) ?? 0n) + toMicros(d.spend));
    daily.set(d.date, day);
  }
  const zones = new Map<string, bigint[]>();
  const total: bigint[] = [];
  let running = 0n;
  const sums = new Map<string, bigint>();
  for (const date of series.dates) {
    for (const [zone, v] of daily.get(date) ?? []) {
      sums.set(zone, (sums.get(zone) ?? 0n) + v);
      running += v;
    }
    for (const zone of ZONE_ORDER) {
      const v = sums.get(zone);
      if (v === undefined) continue;
      const list = zones.get(zone) ?? new Array<bigint>(total.length).fill(0n);
      list.push(v);
      zones.set(zone, list);
    }
    total.push(running);
  }
  return { zones, total };
}

/**
 * Billed spend through the period (each zone, and the total), with the spend caps and the
 * review-hold threshold as horizontal lines. Pixel positions come from ratios of exact
 * amounts; the amounts themselves are never floats.
 */
export function spendChart(
  series: LineSeries,
  locale: Locale,
  ids: { title: string; desc: string },
  text: { title: string; desc: string; hold: string },
  showHold: boolean,
): SVGSVGElement {
  const f = FRAME;
  const { zones, total } = cumulativeSpend(series);
  const refs = [
    ...series.caps
      .filter((c) => c.measure === "spend")
      .map((c) => ({ label: `${tMaybe(`cap.${c.id}`, c.name)} ${formatMoney(c.limit, locale, series.currency)}`, micros: toMicros(c.limit), kind: "cap" })),
    ...(showHold && series.hold_threshold
      ? [{ label: `${text.hold} ${formatMoney(series.hold_threshold, locale, series.currency)}`, micros: toMicros(series.hold_threshold), kind: "hold" }]
      : []),
  ];
  const maxMicros = [...total, ...refs.map((r) => r.micros), 1_000_000n].reduce((a, b) => (b > a ? b : a), 0n);
  const ticks = niceTicks(Number(maxMicros) / 1e6);
  const top = (ticks.at(-1) ?? 1) * 1e6;
  const y = (micros: bigint) => f.top + plotHeight(f) - (Number(micros) / top) * plotHeight(f);
  const band = plotWidth(f) / Math.max(1, series.dates.length);
  const svg = s("svg", {
    viewBox: `0 0 ${f.width} ${f.height}`,
    role: "img",
    "aria-labelledby": `${ids.title} ${ids.desc}`,
    class: "chart",
    "data-chart": "spend",
  });
  svg.append(s("title", { id: ids.title }, text.title), s("desc", { id: ids.desc }, text.desc));
  const axis = s("g", { class: "axis" });
  for (const v of ticks) {
    const micros = BigInt(Math.round(v * 100)) * 10_000n;
    axis.append(
      s("line", { x1: f.left, x2: f.width - f.right, y1: y(micros), y2: y(micros), class: "grid" }),
      s("text", { x: f.left - 6, y: y(micros) + 4, "text-anchor": "end" }, formatMoney(microsToText(micros), locale, series.currency)),
    );
  }
  for (const [i, date] of series.dates.entries()) {
    if (i % 5 === 0 || i === series.dates.length - 1)
      axis.append(s("text", { x: f.left + (i + 0.5) * band, y: f.height - f.bottom + 16, "text-anchor": "middle" }, formatDate(date, locale)));
  }
  svg.append(axis);
  for (const r of refs) {
    svg.append(
      s(
        "g",
        { class: `reference ${r.kind}`, "data-kind": r.kind },
        s("line", { x1: f.left, x2: f.width - f.right, y1: y(r.micros), y2: y(r.micros) }),
        s("text", { x: f.width - f.right - 4, y: y(r.micros) - 4, "text-anchor": "end" }, r.label),
      ),
    );
  }
  const path = (values: readonly bigint[]) => ["M", f.left, y(0n), ...values.flatMap((v, i) => ["L", f.left + (i + 1) * band, y(v)])].join(" ");
  for (const [zone, values] of zones) {
    svg.append(s("path", { d: path(values), class: "series", stroke: zoneColour(zone), "data-zone": zone, "data-last": microsToText(values.at(-1) ?? 0n) }));
  }
  if (zones.size > 1) svg.append(s("path", { d: path(total), class: "series total", "data-zone": "total", "data-last": microsToText(total.at(-1) ?? 0n) }));
  svg.append(drawMarkers(f, series.markers, series.dates, series.time_zone));
  return svg;
}
