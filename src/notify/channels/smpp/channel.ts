// The SMS channel: a notice's text → one or more submit_sm over the client's bind.

import { createHash } from "node:crypto";
import { type Channel, delivered, failure, type OutboundMessage, type SendResult } from "../channel.ts";
import type { SmppClient } from "./client.ts";
import type { SmppConfig } from "./config.ts";
import { Npi, Status, Ton } from "./constants.ts";
import { mapSubmitStatus } from "./mapping.ts";
import type { Address, ShortMessageFields } from "./pdu.ts";
import { planSms, type SmsPart } from "./segment.ts";

const MSISDN = /^[1-9]\d{5,14}$/;
const NO_SOURCE: Address = { ton: Ton.unknown, npi: Npi.unknown, addr: "" };

export class SmppChannel implements Channel {
  readonly name = "sms";

  constructor(
    private readonly client: SmppClient,
    private readonly config: SmppConfig,
    private readonly maxParts: number,
  ) {}

  async send(m: OutboundMessage): Promise<SendResult> {
    if (!MSISDN.test(m.to)) {
      return failure("invalid_recipient", `"${m.to}" is not an E.164 MSISDN without +`, false);
    }
    const planned = planSms(m.text, concatReference(m.idempotencyKey), this.maxParts);
    if (!planned.ok) return failure(planned.code, planned.message, false);
    const bound = await this.client.bound();
    if (!bound.ok) return failure(bound.code, bound.message, bound.code === "smpp_not_bound");

    const { dataCoding, parts } = planned.plan;
    const messageIds: string[] = [];
    for (const [index, part] of parts.entries()) {
      const outcome = await bound.session.request({
        command: "submit_sm",
        ...this.fields(m, dataCoding, part),
      });
      if (!outcome.ok) {
        const where = parts.length > 1 ? ` (part ${index + 1} of ${parts.length})` : "";
        return failure(outcome.code, outcome.message + where, true);
      }
      if (outcome.pdu.status !== Status.ESME_ROK) {
        const mapped = mapSubmitStatus(outcome.pdu.status, index + 1, parts.length);
        return failure(mapped.code, mapped.message, mapped.retryable);
      }
      if (outcome.pdu.command === "submit_sm_resp") messageIds.push(outcome.pdu.messageId);
    }
    return delivered(messageIds.join(","));
  }

  close(): Promise<void> {
    return this.client.close();
  }

  private fields(m: OutboundMessage, dataCoding: number, part: SmsPart): ShortMessageFields {
    return {
      serviceType: "",
      source: this.config.source ?? NO_SOURCE,
      destination: { ton: Ton.international, npi: Npi.isdn, addr: m.to },
      esmClass: part.esmClass,
      protocolId: 0,
      priorityFlag: m.urgent ? 1 : 0,
      scheduleDeliveryTime: "",
      validityPeriod: "",
      registeredDelivery: 0,
      replaceIfPresent: 0,
      dataCoding,
      smDefaultMsgId: 0,
      shortMessage: part.shortMessage,
      tlvs: [],
    };
  }
}

/**
 * Derived from the idempotency key, so a retried notice reuses the reference of its first
 * attempt: a handset that already holds some parts then completes the same message instead of
 * showing two half-messages.
 */
export function concatReference(idempotencyKey: string): number {
  return createHash("sha256").update(idempotencyKey).digest().readUInt8(0);
}
