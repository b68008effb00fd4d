/** The pure core: no I/O, no clock, no Promise. */
export * from "./catalog/index.ts";
export * from "./guard/index.ts";
export * from "./invoicing/index.ts";
export type { Micros } from "./money.ts";
export * as money from "./money.ts";
export { PARTITIONS, parsePartitionSet, partitionOf } from "./partition.ts";
export * from "./period.ts";
export * from "./quota/index.ts";
export * from "./rating/index.ts";
export { parseRfc3339, toRfc3339 } from "./time.ts";
export * from "./units.ts";
