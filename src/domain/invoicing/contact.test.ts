import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { micros } from "../money.ts";
import { type ContactAttempt, type ContactOutcome, contactQueue, nextCall, parseOutcome } from "./contact.ts";

const HELD = Date.parse("2009-11-02T09:00:00Z");
const H = 3_600_000;
const attempt = (outcome: ContactOutcome, at = "2009-11-03T10:00:00.000Z"): ContactAttempt => ({ at, actor: "ana", outcome, note: "" });

describe("the contact queue", () => {
  const cases: { name: string; attempts: ContactAttempt[]; due: number | undefined; why?: RegExp }[] = [
    { name: "a held invoice is called within two days", attempts: [], due: HELD + 48 * H, why: /call before the invoice is sent/ },
    {
      name: "a message left is retried the next day",
      attempts: [attempt("message_left")],
      due: Date.parse("2009-11-03T10:00:00Z") + 24 * H,
      why: /call again/,
    },
    { name: "a customer reached without agreement is followed up", attempts: [attempt("reached")], due: Date.parse("2009-11-03T10:00:00Z") + 72 * H },
    { name: "a dispute is called back with the decision", attempts: [attempt("disputed")], due: Date.parse("2009-11-03T10:00:00Z") + 120 * H },
    { name: "an agreement ends the calls", attempts: [attempt("message_left"), attempt("agreed")], due: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const call = nextCall(HELD, "amount_above_threshold", c.attempts);
      assert.equal(call?.dueBy, c.due);
      if (c.why) assert.match(call?.why ?? "", c.why);
    });
  }

  it("lists the soonest first, then the largest amount, and flags the overdue", () => {
    const queue = contactQueue(
      [
        { invoiceId: "B", accountId: "A2", heldAt: HELD, holdWhy: "x", balance: micros(300_000_000), attempts: [] },
        { invoiceId: "A", accountId: "A1", heldAt: HELD, holdWhy: "x", balance: micros(159_212_000_000), attempts: [] },
        { invoiceId: "C", accountId: "A3", heldAt: HELD - 72 * H, holdWhy: "x", balance: micros(1), attempts: [] },
        { invoiceId: "D", accountId: "A4", heldAt: HELD, holdWhy: "x", balance: micros(1), attempts: [attempt("agreed")] },
      ],
      HELD + 24 * H,
    );
    assert.deepEqual(
      queue.map((q) => [q.invoiceId, q.overdue]),
      [
        ["C", true],
        ["A", false],
        ["B", false],
      ],
    );
  });

  it("knows four outcomes", () => {
    assert.equal(parseOutcome("agreed").ok, true);
    const bad = parseOutcome("maybe");
    assert.equal(bad.ok ? "ok" : bad.code, "invalid_outcome");
  });
});
