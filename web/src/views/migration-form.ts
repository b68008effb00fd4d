import { sendJson } from "../api.ts";
import { h } from "../dom.ts";
import { t } from "../i18n.ts";
import type { PageContext } from "../page.ts";
import { shiftPeriod } from "../period.ts";
import type { SimulationView } from "../types.ts";
import { actionForm, field } from "./action-form.ts";

/** After a simulation: schedule the migration at a cycle boundary (admins and analysts; confirmed explicitly). */
export function migrationForm(ctx: PageContext, sim: SimulationView): HTMLElement | null {
  if (!ctx.caps.has("POST", "/api/v1/migrations") || (ctx.me.role !== "admin" && ctx.me.role !== "analyst")) return null;
  const at = h("input", {
    name: "at",
    required: true,
    pattern: "\\d{4}-\\d{2}",
    value: shiftPeriod(sim.periods.at(-1) ?? ctx.me.current_period, 1),
    autocomplete: "off",
  });
  const confirm = h("input", { type: "checkbox", name: "confirm", id: "migrate-confirm", required: true });
  return actionForm({
    name: "migrate",
    title: t("simulator.migrateTitle", { lines: sim.totals.lines, to: sim.to }),
    fields: [
      field(t("simulator.at"), at, t("simulator.atHelp")),
      h("div", { class: "choice" }, confirm, h("label", { for: "migrate-confirm" }, t("simulator.confirm"))),
    ],
    submit: t("simulator.migrate"),
    send: () => sendJson("POST", "/api/v1/migrations", { ...(sim.from ? { from: sim.from } : {}), to: sim.to, at: at.value, periods: sim.periods }),
    done: t("simulator.migrated"),
    after: () => ctx.refresh(),
  });
}
