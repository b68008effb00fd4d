// Public surface of notify: channels, templates, the outbox dispatcher, consent replies.
export * from "./channels/index.ts";
export { consentNoticeRow } from "./consent-notice.ts";
export * from "./dispatcher/index.ts";
export type { NoticeRequest, NoticeRowResult } from "./enqueue.ts";
export { externalNoticeRow, noticeRow } from "./enqueue.ts";
export type { ReplyTarget } from "./replies.ts";
export { CONSENT_KEYWORDS, consentTarget, isConsentReply } from "./replies.ts";
export * from "./templates/index.ts";
