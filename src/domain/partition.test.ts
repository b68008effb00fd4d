import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PARTITIONS, parsePartitionSet, partitionOf } from "./partition.ts";

describe("partitions", () => {
  it("hash a line id with FNV-1a over its UTF-8 bytes, as another language would", () => {
    // Reference values computed independently (Python: FNV-1a 32 over s.encode("utf-8")).
    for (const [lineId, hash] of [
      ["L1", 400_673_902],
      ["B0", 215_825_903],
      ["line-42", 2_081_638_116],
      ["é", 513_665_217],
    ] as const) {
      assert.equal(partitionOf(lineId), hash % PARTITIONS, lineId);
      assert.equal(partitionOf(lineId, 1 << 30), hash % (1 << 30), `${lineId}, full hash`);
    }
  });

  it("spread lines evenly enough over 256 partitions", () => {
    const counts = new Array<number>(PARTITIONS).fill(0);
    for (let i = 0; i < 256_000; i++) counts[partitionOf(`VAL-${i}`)] = (counts[partitionOf(`VAL-${i}`)] ?? 0) + 1;
    assert.ok(Math.min(...counts) > 800 && Math.max(...counts) < 1200, `${Math.min(...counts)}..${Math.max(...counts)}`);
  });

  it("parse a partition set, and say what is wrong with a bad one", () => {
    assert.deepEqual(parsePartitionSet("3, 0-2,2"), { ok: true, set: [0, 1, 2, 3] });
    const all = parsePartitionSet("0-255");
    assert.equal(all.ok && all.set.length, 256);
    assert.deepEqual(parsePartitionSet("250-256"), { ok: false, message: '"250-256" is outside 0-255' });
    assert.deepEqual(parsePartitionSet("a"), { ok: false, message: '"a" is not a partition or a range (e.g. 0-15)' });
    assert.equal(parsePartitionSet("5-3").ok, false);
  });
});
