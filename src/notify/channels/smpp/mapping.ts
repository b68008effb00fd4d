// SMPP outcomes → the channel's stable error codes and retry advice.

import { Status, statusName } from "./constants.ts";

export interface MappedStatus {
  code: string;
  retryable: boolean;
  message: string;
}

/**
 * Retryable means "the same submit_sm may succeed later": congestion at the SMSC, or an error
 * the SMSC itself labels temporary. Anything about the message or the number is final.
 */
const BY_STATUS: ReadonlyMap<number, { code: string; retryable: boolean }> = new Map([
  [Status.ESME_RTHROTTLED, { code: "smpp_throttled", retryable: true }],
  [Status.ESME_RMSGQFUL, { code: "smpp_queue_full", retryable: true }],
  [Status.ESME_RX_T_APPN, { code: "smpp_temporary_error", retryable: true }],
  // "System error" is what SMSCs answer while a back end is down; providers ask to retry it.
  [Status.ESME_RSYSERR, { code: "smpp_system_error", retryable: true }],
  // Our bind is not what the SMSC thinks it is; a later attempt on a fresh bind can pass.
  [Status.ESME_RINVBNDSTS, { code: "smpp_bind_state_invalid", retryable: true }],
  [Status.ESME_RINVDSTADR, { code: "smpp_destination_invalid", retryable: false }],
  [Status.ESME_RINVSRCADR, { code: "smpp_source_invalid", retryable: false }],
  [Status.ESME_RINVMSGLEN, { code: "smpp_message_length_invalid", retryable: false }],
]);

export function mapSubmitStatus(status: number, part: number, parts: number): MappedStatus {
  const known = BY_STATUS.get(status) ?? {
    code: "smpp_rejected",
    retryable: false,
  };
  const where = parts > 1 ? ` on part ${part} of ${parts}` : "";
  return {
    ...known,
    message: `submit_sm answered ${statusName(status)}${where}`,
  };
}
