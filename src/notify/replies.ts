import { reached } from "../domain/index.ts";
import type { ChargingEngine } from "../engine/index.ts";
import type { InboundSms } from "./channels/index.ts";

/** The words a customer answers a cut-off with, in every locale's templates (labels.json). */
export const CONSENT_KEYWORDS: readonly string[] = ["OUI", "YES"];

/** "oui", " Oui ! ", "YES." are consents; "oui mais non" or "non" are not: a consent must be unambiguous. */
export function isConsentReply(text: string): boolean {
  const word = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .trim()
    .replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, "")
    .toUpperCase();
  return CONSENT_KEYWORDS.includes(word);
}

export type ReplyTarget =
  | { ok: true; lineId: string; capId: string; period: string }
  | { ok: false; code: "unknown_sender" | "nothing_to_consent"; message: string };

/**
 * What a "OUI" from `sms.from` consents to: the blocking cap that cut the line off in the
 * current period — the one whose cut-off notice was raised — and that is not consented yet.
 */
export function consentTarget(engine: ChargingEngine, sms: InboundSms, nowMs: number): ReplyTarget {
  const msisdn = sms.from.replace(/^\+|^00/, "");
  const line = engine.lines.byImsiOrMsisdn({ msisdn });
  if (!line) return { ok: false, code: "unknown_sender", message: `no line has the MSISDN ${msisdn}` };
  const period = engine.calendar.periodOf(nowMs);
  const counters = line.peek(period);
  const blocked = line.caps.find(({ cap, limit }) => {
    if (cap.action !== "block" || !counters || counters.isConsented(cap.id)) return false;
    // A spend cap may stop a few cents short of its limit (whole units only): the raised
    // cut-off notice, not the amount, says the line was cut off.
    return counters.hasNotified(`cap:${cap.id}:100`) || reached(counters.measure(cap.measure.kind, cap.measure.service, cap.measure.zones), limit, 100);
  });
  if (!blocked) return { ok: false, code: "nothing_to_consent", message: `line ${line.record.lineId} has no cut-off to lift in ${period}` };
  return { ok: true, lineId: line.record.lineId, capId: blocked.cap.id, period };
}
