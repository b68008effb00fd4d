import { h, uid } from "../dom.ts";
import type { Locale } from "../i18n.ts";
import { formatMoney, microsToText, toMicros } from "../money.ts";
import { FRAME, niceTicks, plotHeight, plotWidth, s } from "./svg.ts";

const M = 1_000_000n;
/** Band edges in whole currency units: deltas span cents to hundreds of thousands, so bands grow tenfold. */
const EDGES = [-1000n, -100n, -10n, 0n, 10n, 100n, 1000n].map((e) => e * M);

export interface Band {
  readonly label: string;
  readonly count: number;
  readonly sign: "less" | "same" | "more";
}

/** Counts deltas (decimal strings) per band: exactly zero has its own band; the rest by size and sign. */
export function deltaBands(deltas: readonly string[], locale: Locale, currency: string): Band[] {
  const money = (m: bigint) => formatMoney(microsToText(m), locale, currency);
  const bands: { label: string; test: (m: bigint) => boolean; sign: Band["sign"] }[] = [
    { label: `< ${money(EDGES[0] as bigint)}`, test: (m) => m < (EDGES[0] as bigint), sign: "less" },
  ];
  for (let i = 0; i + 1 < EDGES.length; i++) {
    const lo = EDGES[i] as bigint;
    const hi = EDGES[i + 1] as bigint;
    if (hi <= 0n) bands.push({ label: `${money(lo)} … ${money(hi)}`, test: (m) => m >= lo && m < hi && m !== 0n, sign: "less" });
    if (lo === 0n) bands.push({ label: money(0n), test: (m) => m === 0n, sign: "same" });
    if (lo >= 0n) bands.push({ label: `${money(lo)} … ${money(hi)}`, test: (m) => m > lo && m <= hi, sign: "more" });
  }
  const last = EDGES.at(-1) as bigint;
  bands.push({ label: `> ${money(last)}`, test: (m) => m > last, sign: "more" });
  const micros = deltas.map(toMicros);
  return bands.map((b) => ({ label: b.label, sign: b.sign, count: micros.filter(b.test).length }));
}

const COLOURS: Readonly<Record<Band["sign"], string>> = { less: "#1d6b35", same: "#4a5263", more: "#a4161a" };

/** The distribution of per-line deltas as bars, with a table of the same counts. */
export function deltaHistogram(bands: readonly Band[], text: { title: string; desc: string; band: string; lines: string; caption: string }): HTMLElement {
  const f = { ...FRAME, bottom: 90 };
  const max = Math.max(1, ...bands.map((b) => b.count));
  const ticks = niceTicks(max).map(Math.round);
  const top = ticks.at(-1) ?? max;
  const y = (v: number) => f.top + plotHeight(f) - (v / top) * plotHeight(f);
  const band = plotWidth(f) / bands.length;
  const titleId = uid("ht");
  const descId = uid("hd");
  const svg = s("svg", {
    viewBox: `0 0 ${f.width} ${f.height}`,
    role: "img",
    "aria-labelledby": `${titleId} ${descId}`,
    class: "chart",
    "data-chart": "deltas",
  });
  svg.append(s("title", { id: titleId }, text.title), s("desc", { id: descId }, text.desc));
  for (const v of ticks) {
    svg.append(
      s("line", { x1: f.left, x2: f.width - f.right, y1: y(v), y2: y(v), class: "grid" }),
      s("text", { x: f.left - 6, y: y(v) + 4, "text-anchor": "end", class: "axis-label" }, String(v)),
    );
  }
  for (const [i, b] of bands.entries()) {
    const x = f.left + i * band;
    svg.append(
      s(
        "g",
        { "data-band": b.label, "data-count": b.count },
        s("rect", { x: x + 3, width: band - 6, y: y(b.count), height: Math.max(0, y(0) - y(b.count)), fill: COLOURS[b.sign] }),
        b.count > 0 ? s("text", { x: x + band / 2, y: y(b.count) - 4, "text-anchor": "middle" }, String(b.count)) : null,
        s(
          "text",
          { x: x + band / 2, y: f.height - f.bottom + 14, "text-anchor": "end", transform: `rotate(-35 ${x + band / 2} ${f.height - f.bottom + 14})` },
          b.label,
        ),
      ),
    );
  }
  return h(
    "figure",
    { class: "charts" },
    svg,
    h(
      "details",
      { class: "chart-data" },
      h("summary", {}, text.caption),
      h(
        "table",
        {},
        h("caption", {}, text.caption),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, text.band), h("th", { scope: "col", class: "num" }, text.lines))),
        h(
          "tbody",
          {},
          bands.map((b) => h("tr", {}, h("th", { scope: "row" }, b.label), h("td", { class: "num" }, String(b.count)))),
        ),
      ),
    ),
  );
}
