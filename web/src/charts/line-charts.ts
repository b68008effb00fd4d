import { h, uid } from "../dom.ts";
import { type Locale, type MessageKey, t, tMaybe } from "../i18n.ts";
import { formatMoney, microsToText } from "../money.ts";
import type { LineSeries } from "../types.ts";
import { formatDate, formatOctets } from "../units.ts";
import { localParts, markerLabel, visibleMarkers } from "./markers.ts";
import { cumulativeSpend, spendChart } from "./spend.ts";
import { s, zoneColour } from "./svg.ts";
import { dataByDay, volumeChart, ZONE_ORDER } from "./volume.ts";

/** One sentence a screen reader can read instead of looking at the chart. */
function summary(series: LineSeries, locale: Locale): string {
  const parts = visibleMarkers(series.markers).map((m) => {
    const { date } = localParts(m.at, series.time_zone);
    return t("chart.markerOn", { what: markerLabel(m), date: formatDate(date, locale) });
  });
  const { total } = cumulativeSpend(series);
  const billed = formatMoney(microsToText(total.at(-1) ?? 0n), locale, series.currency);
  const events = parts.length ? parts.join("; ") : t("chart.noMarkers");
  // A date such as "1 oct." already ends the sentence.
  return `${t("chart.billedTotal", { amount: billed })} ${events}${events.endsWith(".") ? "" : "."}`;
}

/**
 * Line 360's charts: data volume per day by zone, and billed spend through the period against
 * the caps, both with the moments the line crossed its thresholds, plus the same numbers as a
 * table for those who cannot see the charts.
 */
export function lineCharts(series: LineSeries, locale: Locale, options: { showHold: boolean }): HTMLElement {
  const text = summary(series, locale);
  const zones = ZONE_ORDER.filter((z) => series.daily.some((d) => d.zone === z));
  const legend = h(
    "ul",
    { class: "legend", "aria-label": t("chart.legend") },
    // An SVG swatch rather than an inline style: the page's CSP allows no inline styles.
    zones.map((z) =>
      h(
        "li",
        {},
        s("svg", { class: "swatch", viewBox: "0 0 10 10", "aria-hidden": "true" }, s("rect", { width: 10, height: 10, fill: zoneColour(z) })),
        tMaybe(`zone.${z}`, z),
      ),
    ),
    h("li", {}, h("span", { class: "swatch marker-warn" }), t("chart.legendWarning")),
    h("li", {}, h("span", { class: "swatch marker-stop" }), t("chart.legendStop")),
  );
  const volume = volumeChart(series, locale, uid("vt"), uid("vd"), t("chart.volumeTitle", { period: series.period }), text);
  const spend = spendChart(
    series,
    locale,
    { title: uid("st"), desc: uid("sd") },
    { title: t("chart.spendTitle", { period: series.period }), desc: text, hold: t("chart.holdThreshold") },
    options.showHold,
  );
  return h(
    "figure",
    { class: "charts", "data-line": series.line_id },
    h("figcaption", {}, h("p", { class: "chart-summary", "data-summary": "" }, text), legend),
    volume,
    spend,
    dataTable(series, locale, zones),
  );
}

function dataTable(series: LineSeries, locale: Locale, zones: readonly string[]): HTMLElement {
  const byDay = dataByDay(series);
  const { total } = cumulativeSpend(series);
  const headers = [t("chart.date"), ...zones.map((z) => t("chart.volumeIn", { zone: tMaybe(`zone.${z}`, z) })), t("chart.billedSoFar"), t("chart.events")];
  const rows = series.dates.map((date, i) => {
    const events = visibleMarkers(series.markers)
      .filter((m) => localParts(m.at, series.time_zone).date === date)
      .map(markerLabel)
      .join(", ");
    return h(
      "tr",
      {},
      h("th", { scope: "row" }, formatDate(date, locale)),
      zones.map((z) => h("td", { class: "num" }, formatOctets(byDay.get(date)?.get(z) ?? 0, locale))),
      h("td", { class: "num" }, formatMoney(microsToText(total[i] ?? 0n), locale, series.currency)),
      h("td", {}, events),
    );
  });
  return h(
    "details",
    { class: "chart-data" },
    h("summary", {}, t("chart.dataTable")),
    h(
      "table",
      {},
      h("caption", {}, t("chart.dataCaption" as MessageKey, { line: series.line_id, period: series.period })),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          headers.map((c) => h("th", { scope: "col" }, c)),
        ),
      ),
      h("tbody", {}, rows),
    ),
  );
}
