import { h, table } from "../dom.ts";
import { locale, t, tMaybe } from "../i18n.ts";
import { formatMoney } from "../money.ts";
import type { CapState, LineReport } from "../types.ts";
import { formatOctets, formatQuantity } from "../units.ts";

function amount(cap: CapState, value: string | null, currency: string): string {
  if (value === null) return t("caps.none");
  return cap.measure === "spend" ? formatMoney(value, locale(), currency) : formatOctets(Number(value), locale());
}

/** The line's caps in the period: limit, used, and what happened (warned, blocked, consented…). */
export function capsTable(report: LineReport, currency: string): HTMLElement {
  return table(
    t("caps.caption", { period: report.period }),
    [t("caps.cap"), t("caps.limit"), t("caps.used"), t("caps.action"), t("caps.state")],
    report.caps.map((c) => [
      tMaybe(`cap.${c.id}`, c.id),
      amount(c, c.limit, currency),
      amount(c, c.used, currency),
      tMaybe(`action.${c.action}`, c.action),
      h("span", { class: `badge state-${c.state}`, "data-cap-state": c.id }, tMaybe(`state.${c.state}`, c.state)),
    ]),
    [1, 2],
  );
}

/** Usage and billed spend by service and zone. */
export function usageTable(report: LineReport, currency: string): HTMLElement {
  const rows: (string | HTMLElement)[][] = [];
  for (const [service, zones] of Object.entries(report.usage)) {
    for (const [zone, v] of Object.entries(zones)) {
      rows.push([
        tMaybe(`zone.${zone}`, zone),
        tMaybe(`service.${service}`, service),
        formatQuantity(service, v.quantity, locale()),
        formatMoney(v.spend, locale(), currency),
      ]);
    }
  }
  if (rows.length === 0) return h("p", {}, t("usage.none", { period: report.period }));
  return table(t("usage.caption", { period: report.period }), [t("usage.zone"), t("usage.service"), t("usage.quantity"), t("usage.spend")], rows, [2, 3]);
}
