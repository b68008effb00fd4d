import { partitionOf } from "../../domain/index.ts";
import type { UsageInput } from "../../engine/index.ts";
import type { RejectRow } from "../../store/index.ts";
import { jsonlUsageParser } from "../usage-parsers.ts";

/** Codes of messages that cannot be read as a batch at all: they go to the dead-letter subject. */
export type PoisonCode = "invalid_subject" | "malformed_utf8_batch" | "empty_batch" | "batch_too_large";

export type DecodedBatch =
  | { readonly ok: true; readonly records: UsageInput[]; readonly rejects: RejectRow[] }
  | { readonly ok: false; readonly code: PoisonCode; readonly message: string };

/** A batch is one commit's worth at most: larger ones would hold a partition's queue too long. */
export const MAX_RECORDS_PER_MESSAGE = 10_000;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * One stream message: JSON Lines in the interchange format, several records each. A bad record
 * is a coded reject kept with the batch (as in a file); only a message that is not a batch at
 * all is poison. A record whose line_id hashes to another partition than the subject's is
 * rejected: accepting it would let two engines write the same line.
 */
export function decodeBatch(data: Uint8Array, partition: number, source: string): DecodedBatch {
  let text: string;
  try {
    text = strictUtf8.decode(data);
  } catch {
    return { ok: false, code: "malformed_utf8_batch", message: "the message body is not valid UTF-8" };
  }
  const parser = jsonlUsageParser();
  const parsed = [...parser.push(text), ...parser.end()];
  if (parsed.length === 0) return { ok: false, code: "empty_batch", message: "the message holds no record" };
  if (parsed.length > MAX_RECORDS_PER_MESSAGE) {
    return { ok: false, code: "batch_too_large", message: `${parsed.length} records in one message; at most ${MAX_RECORDS_PER_MESSAGE}` };
  }
  const records: UsageInput[] = [];
  const rejects: RejectRow[] = [];
  for (const p of parsed) {
    if (!p.ok) {
      rejects.push({ source, lineNo: p.lineNo, recordId: p.recordId, code: p.code, message: p.message, raw: p.raw });
    } else if (p.usage.lineId !== undefined && partitionOf(p.usage.lineId) !== partition) {
      const message = `line ${p.usage.lineId} belongs to partition ${partitionOf(p.usage.lineId)}, not ${partition}`;
      rejects.push({ source, lineNo: p.usage.lineNo, recordId: p.usage.recordId, code: "wrong_partition", message, raw: p.usage.raw });
    } else {
      records.push(p.usage);
    }
  }
  return { ok: true, records, rejects };
}
