import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LeaseBook } from "./book.ts";

describe("lease book", () => {
  it("asks for its wanted partitions when free, and for takeover ones only as orphans", () => {
    const book = new LeaseBook("e1", 3, [0, 1, 2], [0, 1, 2, 3, 4]);
    assert.deepEqual(book.request(), { free: [0, 1, 2], orphaned: [3, 4] });
    assert.deepEqual(book.granted(new Map([[1, 7]]), 1000), [1]);
    assert.deepEqual(book.request(), { free: [0, 2], orphaned: [3, 4] });
    assert.equal(book.renewEveryMs, 1000);
  });

  it("drops what a renewal no longer holds, but not what was granted while it was in flight", () => {
    const book = new LeaseBook("e1", 2, [0, 1], []);
    book.granted(
      new Map([
        [0, 1],
        [1, 1],
      ]),
      0,
    );
    const sent = new Map(book.held);
    book.granted(new Map([[5, 9]]), 10);
    assert.deepEqual(book.renewed(sent, new Set([0]), 20), [1]);
    assert.deepEqual(book.partitions(), [0, 5]);
  });

  it("lapses when not renewed within the lease, counted from when it asked", () => {
    const book = new LeaseBook("e1", 2, [0], []);
    assert.equal(book.lapsed(0), false, "nothing held, nothing to lapse");
    book.granted(new Map([[0, 1]]), 1000);
    assert.equal(book.lapsed(2999), false);
    assert.equal(book.lapsed(3000), true);
    book.renewed(new Map(book.held), new Set([0]), 2500);
    assert.equal(book.lapsed(3000), false);
  });
});
