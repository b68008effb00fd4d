import type { PartitionFilter } from "../ports.ts";

/**
 * The condition that restricts a load to an engine's partitions (`PartitionFilter`), as `$1`, or
 * nothing when there is no filter. The journal and `lines` carry the partition (`part`); the
 * other per-line tables keep the rows whose line is in those partitions, found through `lines`
 * (their keys lead with `line_id`, so each line's rows are one index range).
 */
export function ofPartitions(
  partitions: PartitionFilter | undefined,
  by: "part" | "line",
  keyword: "WHERE" | "AND" = "WHERE",
): { readonly sql: string; readonly params: unknown[] } {
  if (!partitions) return { sql: "", params: [] };
  const test = by === "part" ? "part = ANY($1::int2[])" : "line_id IN (SELECT line_id FROM lines WHERE part = ANY($1::int2[]))";
  return { sql: `${keyword} ${test}`, params: [partitions] };
}
