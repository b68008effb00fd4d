export type { DecodedBatch, PoisonCode } from "./batch.ts";
export { decodeBatch, MAX_RECORDS_PER_MESSAGE } from "./batch.ts";
export type { NatsIngestOptions, NatsIngestResult, NatsIngestStats } from "./consumer.ts";
export { emptyIngestStats, NatsIngest } from "./consumer.ts";
export type { PublishOptions, PublishReport } from "./publish.ts";
export { partitionOfRecord, publishUsage } from "./publish.ts";
export { interchangeLines } from "./records.ts";
export type { Subjects } from "./subjects.ts";
export { durableName, ensureStream, subjects } from "./subjects.ts";
