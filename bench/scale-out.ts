// `node --import tsx --expose-gc bench/scale-out.ts`: only the PostgreSQL / NATS scale-out
// measurements of `npm run bench` (failover.seconds, failover.share.seconds, nats.ingest), with
// the same sizes and environment variables, for a quick look at the partitioned deployment.
import { PARTITIONS } from "../src/domain/index.ts";
import { benchFailover } from "./failover.ts";
import { benchNatsIngest } from "./nats-ingest.ts";

const records = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const lines = Number(process.env.BENCH_LINES ?? 1_000_000);
const half = Array.from({ length: PARTITIONS / 2 }, (_, p) => p);

await benchFailover(Math.min(20_000, lines), Math.min(200_000, records));
await benchFailover(Math.min(20_000, lines), Math.min(200_000, records), 2, half);
await benchNatsIngest(Math.min(20_000, lines), Math.min(Number(process.env.BENCH_NATS_RECORDS ?? 200_000), records));
