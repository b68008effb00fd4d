import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canTransition, checkAction, checkReason, releasePath } from "./lifecycle.ts";
import type { InvoiceStatus } from "./types.ts";

describe("invoice lifecycle", () => {
  const transitions: [InvoiceStatus, InvoiceStatus, boolean][] = [
    ["draft", "held", true],
    ["draft", "issued", true],
    ["draft", "void", true],
    ["held", "approved", true],
    ["held", "issued", false],
    ["held", "void", true],
    ["approved", "issued", true],
    ["approved", "held", false],
    ["issued", "void", false],
    ["issued", "held", false],
    ["void", "draft", false],
  ];
  for (const [from, to, allowed] of transitions) {
    it(`${from} → ${to} is ${allowed ? "allowed" : "refused"}`, () => assert.equal(canTransition(from, to), allowed));
  }

  it("a release records the approval before the issue", () => {
    assert.deepEqual(releasePath("held"), ["approved", "issued"]);
    assert.deepEqual(releasePath("approved"), ["issued"]);
    assert.deepEqual(releasePath("issued"), []);
  });

  const actions: [Parameters<typeof checkAction>[0], InvoiceStatus, boolean][] = [
    ["release", "held", true],
    ["release", "issued", false],
    ["credit", "issued", true],
    ["credit", "void", false],
    ["rerate", "held", true],
    ["rerate", "issued", false],
    ["waive", "approved", false],
    ["payment_plan", "issued", true],
    ["void", "issued", false],
    ["contact", "held", true],
  ];
  for (const [action, status, allowed] of actions) {
    it(`${action} on a ${status} invoice is ${allowed ? "allowed" : "refused with invalid_state"}`, () => {
      const refusal = checkAction(action, status, "INV-1");
      assert.equal(refusal === undefined, allowed);
      if (refusal) assert.equal(refusal.code, "invalid_state");
    });
  }

  it("a decision without a reason is refused", () => {
    assert.equal(checkReason(undefined, "release")?.code, "missing_reason");
    assert.equal(checkReason("  ", "void")?.code, "missing_reason");
    assert.equal(checkReason("customer agreed", "release"), undefined);
  });
});
