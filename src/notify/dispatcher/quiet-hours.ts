import { PeriodCalendar } from "../../domain/index.ts";

/**
 * Hours in which non-urgent notices wait (a welcome or an 80 % warning can wait for the
 * morning; a cut-off cannot: the customer must know why the connection stopped). Local time of
 * a zone, Europe/Paris by default; the window may wrap midnight ("21:00-08:00").
 */
export interface QuietHours {
  readonly startMinute: number;
  readonly endMinute: number;
  readonly calendar: PeriodCalendar;
}

const WINDOW = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MINUTES = 24 * 60;
const MINUTE = 60_000;

export function parseQuietHours(
  text: string,
  timeZone = "Europe/Paris",
): { ok: true; value: QuietHours } | { ok: false; code: "quiet_hours_invalid"; message: string } {
  const m = WINDOW.exec(text.trim());
  if (!m) return { ok: false, code: "quiet_hours_invalid", message: `"${text}" is not HH:MM-HH:MM` };
  const [, sh, sm, eh, em] = m.map(Number) as [number, number, number, number, number];
  const startMinute = sh * 60 + sm;
  const endMinute = eh * 60 + em;
  if (startMinute === endMinute) return { ok: false, code: "quiet_hours_invalid", message: `"${text}" is an empty window` };
  let calendar: PeriodCalendar;
  try {
    calendar = new PeriodCalendar(timeZone);
    calendar.offsetAt(0);
  } catch {
    return { ok: false, code: "quiet_hours_invalid", message: `unknown time zone "${timeZone}"` };
  }
  return { ok: true, value: { startMinute, endMinute, calendar } };
}

/** When the quiet window around `nowMs` ends, or undefined when `nowMs` is not in one. */
export function quietUntil(q: QuietHours, nowMs: number): number | undefined {
  const offset = q.calendar.offsetAt(nowMs);
  const local = nowMs + offset;
  const minute = Math.floor(local / MINUTE) % DAY_MINUTES;
  const inside = q.startMinute < q.endMinute ? minute >= q.startMinute && minute < q.endMinute : minute >= q.startMinute || minute < q.endMinute;
  if (!inside) return undefined;
  const minutesLeft = (q.endMinute - minute + DAY_MINUTES) % DAY_MINUTES;
  const naive = nowMs - (local % MINUTE) + minutesLeft * MINUTE;
  // A change of daylight-saving time inside the window moves its local end by the difference.
  return naive - (q.calendar.offsetAt(naive) - offset);
}
