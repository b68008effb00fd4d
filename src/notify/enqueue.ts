import type { Period } from "../domain/index.ts";
import type { LineRecord, OutboxRow } from "../store/index.ts";
import { EXTERNAL_KINDS, type ExternalKind } from "./templates/index.ts";

export interface NoticeRequest {
  readonly kind: string;
  readonly period: Period;
  /** Unique within the line, period and kind (an invoice id, a migration id): a second request with it is ignored. */
  readonly key: string;
  readonly urgent: boolean;
  readonly data: unknown;
}

export type NoticeRowResult = { ok: true; row: OutboxRow } | { ok: false; code: "notice_kind_unknown" | "notice_data_invalid"; message: string };

const KEY = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * An outbox row for a notice that does not come from usage (an invoice held for review, an
 * abnormal consumption, a plan migration): the same envelope as the engine's rows, so the
 * dispatcher and the templates treat both alike. `data` is checked against the kind's schema
 * here, at the boundary, so that a row in the outbox can always be told.
 */
export function externalNoticeRow(line: LineRecord, request: NoticeRequest, createdAt: string): NoticeRowResult {
  if (!Object.hasOwn(EXTERNAL_KINDS, request.kind)) {
    return { ok: false, code: "notice_kind_unknown", message: `"${request.kind}" is not one of ${Object.keys(EXTERNAL_KINDS).join(", ")}` };
  }
  if (!KEY.test(request.key)) return { ok: false, code: "notice_data_invalid", message: "key: 1-128 letters, digits, '.', '_', ':' or '-'" };
  const parsed = EXTERNAL_KINDS[request.kind as ExternalKind].safeParse(request.data);
  if (!parsed.success) {
    return { ok: false, code: "notice_data_invalid", message: parsed.error.issues.map((i) => `${i.path.join(".") || "data"}: ${i.message}`).join("; ") };
  }
  return { ok: true, row: noticeRow(line, request.period, request.kind, `${request.kind}:${request.key}`, request.urgent, parsed.data, createdAt) };
}

/** The envelope every outbox payload carries: the line's contact details at the time of writing. */
export function noticeRow(line: LineRecord, period: Period, kind: string, noticeKey: string, urgent: boolean, data: object, createdAt: string): OutboxRow {
  return {
    key: `${line.lineId}:${period}:${noticeKey}`,
    lineId: line.lineId,
    accountId: line.accountId,
    period,
    kind,
    urgent,
    payload: JSON.stringify({
      line_id: line.lineId,
      account_id: line.accountId,
      msisdn: line.msisdn,
      email: line.email ?? null,
      locale: line.locale,
      plan_id: line.planId,
      period,
      kind,
      ...data,
    }),
    createdAt,
  };
}
