/**
 * Findings → the invoice hold rules. Holding on a finding is the catalog's decision, like every
 * hold: its `abnormal_consumption` rule (with a `min_score`) holds the account's invoice with one
 * reason per flagged line, the finding's own messages, so that the reviewer reads on the held
 * invoice what to ask the customer. A catalog without the rule (the unguarded 2009 one) holds
 * nothing on findings, and the close does not scan for them.
 */
import type { LineFinding } from "../../domain/anomaly/index.ts";
import type { ConsumptionFinding, HoldRule } from "../../domain/index.ts";

export function holdsOnFindings(rules: readonly HoldRule[]): boolean {
  return rules.some((r) => r.kind === "abnormal_consumption");
}

/** The close's `findings` option: each account's flagged lines. */
export function findingsByAccount(findings: readonly LineFinding[]): (accountId: string) => readonly ConsumptionFinding[] {
  const accounts = new Map<string, LineFinding[]>();
  for (const f of findings) {
    const list = accounts.get(f.accountId);
    if (list === undefined) accounts.set(f.accountId, [f]);
    else list.push(f);
  }
  return (accountId) => accounts.get(accountId) ?? [];
}
