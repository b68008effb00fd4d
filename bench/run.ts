import { PARTITIONS } from "../src/domain/index.ts";
import { benchFailover } from "./failover.ts";
import { benchGyLoad } from "./gy-load.ts";
import { benchImportUsage } from "./import-usage.ts";
import { benchMemoryPerLine } from "./memory.ts";
import { benchNatsIngest } from "./nats-ingest.ts";
import { benchNotify } from "./notify.ts";
import { benchImportPostgres } from "./postgres.ts";

/** `npm run bench`: every measurement as one JSON line on stdout. Sizes can be lowered for a quick look. */
const records = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const lines = Number(process.env.BENCH_LINES ?? 1_000_000);

await benchImportUsage(records, Math.min(20_000, lines));
// PostgreSQL: never fewer than 200 k records (fewer would time the set-up, not the flow); skipped without a server.
await benchImportPostgres(Math.max(Number(process.env.BENCH_PG_RECORDS ?? records), 200_000), Math.min(20_000, lines));
await benchMemoryPerLine(lines);
await benchGyLoad(Number(process.env.BENCH_GY_SESSIONS ?? 4_000), Math.min(1_000, lines));
await benchNotify(Number(process.env.BENCH_NOTICE_SAMPLES ?? 300), Number(process.env.BENCH_NOTICES ?? 3_000));
await benchFailover(Math.min(20_000, lines), Math.min(200_000, records));
// The same with A owning half the partitions: B loads only that half (decision 21).
const half = Array.from({ length: PARTITIONS / 2 }, (_, p) => p);
await benchFailover(Math.min(20_000, lines), Math.min(200_000, records), 2, half);
await benchNatsIngest(Math.min(20_000, lines), Math.min(Number(process.env.BENCH_NATS_RECORDS ?? 200_000), records));
