import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { copyLine } from "./journal.ts";
import { int, pgText, StoreDataError } from "./mapping.ts";

describe("PostgreSQL mappings", () => {
  it("read BIGINT and NUMERIC text as exact integers, and refuse what a number cannot hold", () => {
    assert.equal(int("9007199254740991", "amount"), Number.MAX_SAFE_INTEGER);
    assert.equal(int("-45923610000", "amount"), -45_923_610_000);
    assert.equal(int(42, "status"), 42);
    for (const bad of ["9007199254740992", "99999999999999999999", "1.5", "1e3", "", " 1"]) {
      assert.throws(() => int(bad, "amount"), StoreDataError, bad);
    }
    assert.throws(() => int(0.5, "amount"), { code: "integer_out_of_range" });
  });

  it("write COPY rows with the text format's escapes, NULL as \\N", () => {
    assert.equal(copyLine(["a\tb", "c\nd\\e\r", null, 5, true, false]), "a\\tb\tc\\nd\\\\e\\r\t\\N\t5\tt\tf\n");
    assert.equal(pgText("x\u0000y"), "x\u2400y", "PostgreSQL text cannot hold NUL");
  });
});
