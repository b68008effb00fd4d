import type { FastifyInstance } from "fastify";
import type { App } from "../../app/index.ts";
import { type Cap, type Micros, money } from "../../domain/index.ts";
import { route } from "../route.ts";

/** The catalog, read-only: plans, their prices, allowances and caps, and the hold rules. */
export function catalogRoutes(server: FastifyInstance, app: App): void {
  route(
    server,
    {
      method: "GET",
      url: "/api/v1/catalog",
      summary: "Plans, prices, allowances, caps and hold rules",
      tags: ["catalog"],
      // Prices and caps are public terms of sale: customers may read them too.
      access: { roles: ["admin", "reviewer", "analyst"], customer: "self" },
      responses: { 200: { description: "the catalog" } },
    },
    async () => {
      const c = app.catalog;
      const price = (v: number) => money.toPrice(v as Micros);
      const capView = (cap: Cap) => ({
        id: cap.id,
        name: cap.name,
        scope: cap.scope,
        measure: cap.measure.kind,
        service: cap.measure.service ?? "any",
        zones: cap.measure.zones,
        limit: cap.measure.kind === "spend" ? money.toCents(cap.limit as Micros) : String(cap.limit),
        notices: cap.notices,
        action: cap.action,
        adjustable_by: cap.adjustableBy,
        customer_limit: cap.lineRoamingOverride,
      });
      return {
        id: c.id,
        currency: c.currency,
        time_zone: c.timeZone,
        plans: [...c.plans.values()].map((p) => ({
          id: p.id,
          name: p.name,
          monthly_fee: p.monthlyFee.kind === "fixed" ? money.toCents(p.monthlyFee.amount) : "inherit",
          tariffs: p.tariffs.map((t) => ({ service: t.service, zones: t.zones, price: price(t.unitPrice), per: t.unitLabel })),
          allowances: p.allowances.map((a) => ({ id: a.id, service: a.service, zones: a.zones, amount: a.amount, notices: a.notices })),
          caps: p.caps.map((cap) => cap.id),
        })),
        caps: [...c.caps.values()].map(capView),
        hold_rules: c.holdRules.map((r) => ({
          code: r.code,
          kind: r.kind,
          ...("threshold" in r ? { threshold: money.toCents(r.threshold) } : {}),
          ...("minScore" in r ? { min_score: r.minScore } : {}),
        })),
      };
    },
  );
}
