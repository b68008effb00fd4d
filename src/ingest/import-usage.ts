import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, statSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import type { ChargingEngine, UsageInput } from "../engine/index.ts";
import type { RejectRow } from "../store/index.ts";
import { csvField } from "./csv.ts";
import type { ParsedUsage, UsageParser } from "./usage-parsers.ts";

export interface ImportReport {
  readonly import_id: string;
  readonly source: string;
  readonly read: number;
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  /** Where the rejected records were kept (besides the store's rejects table). */
  readonly rejects_file: string | null;
  readonly warnings: readonly string[];
}

export interface ImportOptions {
  readonly source: string;
  readonly rejectsFile?: string | undefined;
  /** Records handed to the engine at once; the engine may group several into one commit. */
  readonly chunkRecords?: number;
  readonly onProgress?: (done: { records: number; bytes: number }) => void;
  readonly now: () => number;
}

/**
 * Feeds text chunks through a parser into the engine. An import never stops on a bad record:
 * each is rejected with its code and kept; the counts always satisfy
 * read = accepted + duplicates + rejected.
 */
export async function importUsage(engine: ChargingEngine, parser: UsageParser, chunks: AsyncIterable<string>, options: ImportOptions): Promise<ImportReport> {
  const importId = randomUUID();
  const startedAt = new Date(options.now()).toISOString();
  const limit = options.chunkRecords ?? 8192;
  let read = 0;
  let accepted = 0;
  let duplicates = 0;
  const rejects: RejectRow[] = [];
  let pendingRecords: UsageInput[] = [];
  let pendingRejects: RejectRow[] = [];
  let bytes = 0;

  // One submission may be in flight while the next chunk is parsed: with a networked store
  // (PostgreSQL) parsing then overlaps the commit instead of waiting for it. Results are
  // tallied in submission order, which is the engine's commit order.
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (pendingRecords.length === 0 && pendingRejects.length === 0) return;
    const submitted = engine.submit(pendingRecords, options.source, pendingRejects);
    submitted.catch(() => undefined); // awaited below, after the previous one
    const progress = { records: read, bytes };
    pendingRecords = [];
    pendingRejects = [];
    const previous = inFlight;
    inFlight = previous.then(async () => {
      const result = await submitted;
      accepted += result.accepted;
      duplicates += result.duplicates;
      rejects.push(...result.rejects);
      options.onProgress?.(progress);
    });
    // Awaited by the next flush or at the end; a failure must not also surface as unhandled.
    inFlight.catch(() => undefined);
    await previous;
  };
  const take = async (items: ParsedUsage[]) => {
    for (const item of items) {
      read++;
      if (item.ok) pendingRecords.push(item.usage);
      else pendingRejects.push({ source: options.source, lineNo: item.lineNo, recordId: item.recordId, code: item.code, message: item.message, raw: item.raw });
      if (pendingRecords.length + pendingRejects.length >= limit) await flush();
    }
  };
  for await (const chunk of chunks) {
    bytes += Buffer.byteLength(chunk);
    await take(parser.push(chunk));
  }
  await take(parser.end());
  await flush();
  await inFlight;

  const rejectsFile = rejects.length > 0 && options.rejectsFile ? options.rejectsFile : undefined;
  if (rejectsFile) await writeRejects(rejectsFile, rejects);
  await engine.store.recordImport({
    importId,
    source: options.source,
    startedAt,
    finishedAt: new Date(options.now()).toISOString(),
    read,
    accepted,
    duplicates,
    rejected: rejects.length,
    rejectsFile,
  });
  return {
    import_id: importId,
    source: options.source,
    read,
    accepted,
    duplicates,
    rejected: rejects.length,
    rejects_file: rejectsFile ?? null,
    warnings: parser.warnings,
  };
}

async function writeRejects(file: string, rejects: readonly RejectRow[]): Promise<void> {
  const out = createWriteStream(file);
  out.write("line_no,record_id,code,message,raw\n");
  for (const r of rejects) {
    out.write(`${r.lineNo},${csvField(r.recordId ?? "")},${r.code},${csvField(r.message)},${csvField(r.raw)}\n`);
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/** A file as UTF-8 text chunks (multi-byte characters are never split between chunks). */
export async function* fileChunks(path: string): AsyncIterable<string> {
  const decoder = new StringDecoder("utf8");
  for await (const buf of createReadStream(path, { highWaterMark: 1 << 20 })) {
    yield decoder.write(buf as Buffer);
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

export async function* textChunks(text: string): AsyncIterable<string> {
  yield text;
}

export function fileSize(path: string): number {
  return statSync(path).size;
}
