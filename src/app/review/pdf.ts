import { invoicePdf, type Locale, type PdfCap, type PdfNotice } from "../../render/index.ts";
import { UserError } from "../errors.ts";
import { loadCase } from "./case.ts";
import type { DeskDeps } from "./deps.ts";

/**
 * The invoice as a PDF: gathers what the page shows (the lines' numbers and plans, the caps in
 * force in the period, the notices sent in it, credit notes, balance, schedule) and renders it.
 * The language is the one asked for, else the first line's (lines file `locale`), else French.
 */
export async function invoicePdfBytes(deps: DeskDeps, invoiceId: string, localeText: string | undefined): Promise<Uint8Array> {
  if (localeText !== undefined && localeText !== "fr" && localeText !== "en")
    throw new UserError("invalid_locale", `"${localeText}" is not a locale: use fr or en`);
  const c = await loadCase(deps, invoiceId);
  const { invoice } = c;
  const lineIds = [...new Set(invoice.lines.map((l) => l.lineId))];
  const states = lineIds.map((id) => deps.engine.lines.get(id));
  const locale: Locale = (localeText as Locale | undefined) ?? states.find((s) => s !== undefined)?.record.locale ?? "fr";
  const notices: PdfNotice[] = [];
  for (const lineId of lineIds) {
    for (const n of await deps.store.listNotices({ lineId, period: invoice.period })) {
      const p = JSON.parse(n.payload) as { threshold?: number; cap_name?: string; country?: string };
      notices.push({ lineId, at: n.createdAt, kind: n.kind, threshold: p.threshold, capName: p.cap_name, country: p.country });
    }
  }
  const caps: PdfCap[] = [];
  for (const state of states) {
    if (!state) continue;
    for (const { cap, limit } of state.termsAt(invoice.period).caps) {
      caps.push({ lineId: state.record.lineId, name: cap.name, measure: cap.measure.kind, limit, action: cap.action });
    }
  }
  const lines = lineIds.map((lineId, i) => {
    const billed = invoice.lines.find((l) => l.lineId === lineId && l.kind === "subscription")?.planId;
    const plan = (billed ? deps.catalog.plans.get(billed) : undefined) ?? states[i]?.plan;
    return { lineId, msisdn: states[i]?.record.msisdn, planName: plan?.name ?? billed ?? "" };
  });
  return invoicePdf({
    invoice,
    locale,
    issuer: `Garde-fou — ${deps.catalog.id}`,
    lines,
    notices: notices.sort((a, b) => a.at.localeCompare(b.at)),
    caps,
    credits: c.credits,
    balance: c.balance,
    instalments: c.plans.find((p) => p.status === "active")?.instalments ?? [],
  });
}
