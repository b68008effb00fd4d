import { benchImportUsage } from "./import-usage.ts";
import { benchMemoryPerLine } from "./memory.ts";

/** `npm run bench`: every measurement as one JSON line on stdout. Sizes can be lowered for a quick look. */
const records = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const lines = Number(process.env.BENCH_LINES ?? 1_000_000);

await benchImportUsage(records, Math.min(20_000, lines));
await benchMemoryPerLine(lines);
