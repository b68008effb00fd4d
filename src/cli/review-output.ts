import type { CaseView } from "../app/index.ts";
import { table } from "./output.ts";

/** Who acts: --actor, else the login name; every decision on an invoice is recorded with it. */
export function actorOf(opts: { actor?: string }): string {
  return opts.actor ?? process.env.USER ?? "cli";
}

/** One line per decision, for people: the invoice's status and what is still owed. */
export function caseSummary(v: CaseView): string {
  const i = v.invoice;
  const lines = [
    `invoice ${i.invoice_id} (${i.account_id}, ${i.period}): ${i.status}, total ${i.total_excl_tax} ${i.currency} excl. VAT, ` +
      `balance ${v.balance.excl_tax} excl. VAT / ${v.balance.incl_tax} incl. VAT`,
  ];
  for (const c of v.credit_notes) lines.push(`  credit note ${c.credit_note_id}: -${c.total_excl_tax} excl. VAT (${c.reason_code}: ${c.reason}) by ${c.actor}`);
  if (v.payment_plan) {
    const p = v.payment_plan;
    lines.push(`  payment plan ${p.plan_id}: ${p.instalments.map((x) => `${x.due_date} ${x.amount}`).join(", ")}`);
  }
  for (const c of v.contacts) lines.push(`  contact ${c.at} ${c.outcome} by ${c.actor}${c.note ? `: ${c.note}` : ""}`);
  return lines.join("\n");
}

export function caseDetail(v: CaseView): string {
  const rows = [["#", "line", "kind", "zone", "country", "quantity", "unit", "amount"]];
  v.invoice.lines.forEach((l, n) => {
    rows.push([String(n + 1), l.line_id, l.kind, l.zone ?? "", l.country ?? "", l.quantity, l.unit, l.amount_excl_tax]);
  });
  const events = v.events.map((e) => `  ${e.at} ${e.from ?? "—"} → ${e.to} by ${e.actor}: ${e.reason}`);
  const reasons = v.invoice.hold_reasons.map((r) => `  ${r.code}: ${r.message}`);
  return [caseSummary(v), "", table(rows, [0, 5, 7]), "", "hold reasons", ...(reasons.length ? reasons : ["  none"]), "", "events", ...events].join("\n");
}
