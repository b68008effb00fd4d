import { type EffectiveCap, type Micros, money, type Plan } from "../domain/index.ts";
import type { ConsentRow, LineRecord, OutboxRow } from "../store/index.ts";
import { noticeRow } from "./enqueue.ts";

/**
 * The confirmation of a consent: what was re-opened, at which prices, and when the re-armed
 * threshold will speak next (guard/rearm.ts). One per cap and period, like the consent itself.
 */
export function consentNoticeRow(line: LineRecord, plan: Plan, effective: EffectiveCap, consent: ConsentRow, createdAt: string): OutboxRow {
  const { cap, limit } = effective;
  const spend = cap.measure.kind === "spend";
  const figure = (v: number) => (spend ? money.toPrice(v as Micros) : v);
  const first = Math.min(...cap.notices.filter((n) => n < 100), 100);
  const prices = cap.measure.zones.flatMap((zone) => {
    const tariff = plan.tariffs.find((t) => t.zones.includes(zone) && (cap.measure.service === undefined || t.service === cap.measure.service));
    return tariff ? [{ zone, service: tariff.service, price: money.toPrice(tariff.unitPrice), per: tariff.unitLabel }] : [];
  });
  return noticeRow(
    line,
    consent.period,
    "consent_confirmed",
    `consent:${cap.id}`,
    // The customer is waiting for the line to come back: neither quiet hours nor the per-line rate hold it.
    true,
    {
      cap_id: cap.id,
      cap_name: cap.name,
      limit: figure(limit),
      // Re-armed thresholds only exist for blocking caps, over one more limit.
      next_warning: cap.action === "block" ? figure(Math.ceil((limit * (100 + first)) / 100)) : null,
      prices,
      consented_at: consent.at,
      channel: consent.channel,
    },
    createdAt,
  );
}
