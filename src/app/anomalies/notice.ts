/**
 * The outbox row of a finding that appeared while usage was committed: once per line, period
 * and reason code (key `<line>:<period>:anomaly:<code>`, unique in the outbox, so a rebuild that
 * announces a finding again writes nothing). The kind is the one the notice templates already
 * render for the anomaly detector (`abnormal_usage`, docs/notices.md), so the dispatcher sends it
 * like any other notice; the staff's own message travels beside the customer's sentence.
 */
import type { Reason } from "../../domain/anomaly/index.ts";
import type { NetworkDirectory, Period } from "../../domain/index.ts";
import { noticeRow } from "../../notify/index.ts";
import type { LineRecord, OutboxRow } from "../../store/index.ts";
import { type CountryOf, customerText } from "./customer-text.ts";

export const NOTICE_KIND = "abnormal_usage";

export function noticeKey(code: Reason["code"]): string {
  return `anomaly:${code}`;
}

/** Country names in the customer's language, from the MCC-MNC reference. */
export function countryNames(networks: NetworkDirectory): CountryOf {
  const names = { en: new Intl.DisplayNames(["en"], { type: "region" }), fr: new Intl.DisplayNames(["fr"], { type: "region" }) };
  return (plmn, locale) => {
    const iso = networks.lookup(plmn)?.countries[0];
    return iso === undefined ? undefined : names[locale].of(iso);
  };
}

export function anomalyNoticeRow(line: LineRecord, period: Period, reason: Reason, countryOf: CountryOf, createdAt: string): OutboxRow {
  const data = {
    reason: customerText(reason, line.locale, countryOf),
    code: reason.code,
    since: reason.since,
    score: reason.score,
    finding: reason.message,
  };
  return noticeRow(line, period, NOTICE_KIND, noticeKey(reason.code), false, data, createdAt);
}
