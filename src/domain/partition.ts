/**
 * Lines are hashed into a fixed number of partitions: the unit a stream subject, a consumer and
 * (later) an engine's lease are made of. The count is fixed for the life of a deployment —
 * changing it moves lines between partitions — and the hash is specified exactly (FNV-1a,
 * 32 bits, over the UTF-8 bytes of the line id) so that a mediation system written in another
 * language publishes a line's records on the same subject as we do.
 */
export const PARTITIONS = 256;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const utf8 = new TextEncoder();

export function partitionOf(lineId: string, partitions: number = PARTITIONS): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < lineId.length; i++) {
    const c = lineId.charCodeAt(i);
    // Line ids are ASCII in practice; anything else takes the exact (slower) UTF-8 path.
    if (c >= 0x80) return fnvBytes(utf8.encode(lineId)) % partitions;
    hash = Math.imul(hash ^ c, FNV_PRIME) >>> 0;
  }
  return hash % partitions;
}

function fnvBytes(bytes: Uint8Array): number {
  let hash = FNV_OFFSET;
  for (const b of bytes) hash = Math.imul(hash ^ b, FNV_PRIME) >>> 0;
  return hash;
}

/** Parses "0-15,32,40-47" into partition numbers; a problem is reported, not thrown. */
export function parsePartitionSet(text: string, partitions: number = PARTITIONS): { ok: true; set: number[] } | { ok: false; message: string } {
  const out = new Set<number>();
  for (const part of text.split(",")) {
    const m = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/.exec(part);
    if (!m) return { ok: false, message: `"${part}" is not a partition or a range (e.g. 0-15)` };
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from > to || to >= partitions) return { ok: false, message: `"${part.trim()}" is outside 0-${partitions - 1}` };
    for (let p = from; p <= to; p++) out.add(p);
  }
  return { ok: true, set: [...out].sort((a, b) => a - b) };
}
