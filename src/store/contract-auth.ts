/** API tokens and the audit log (`Store.auth`), registered by `contract.ts`. */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { AuditRow, TokenRow } from "./auth-ports.ts";
import type { WithStore } from "./contract.ts";

const token = (id: string, over: Partial<TokenRow> = {}): TokenRow => ({
  tokenId: id,
  tokenHash: `hash-${id}`,
  role: "reviewer",
  accountId: undefined,
  name: `token ${id}`,
  createdAt: "2009-11-02T09:00:00.000Z",
  createdBy: "cli",
  revokedAt: undefined,
  ...over,
});

const audit = (n: number): AuditRow => ({
  at: `2009-11-02T09:00:0${n}.000Z`,
  actor: "t1",
  role: "reviewer",
  action: "POST /api/v1/invoices/:id/release",
  target: n % 2 ? `invoice INV-${n}` : undefined,
  status: 200,
  requestId: n % 2 ? undefined : `req-${n}`,
  detail: "{}",
});

export function authContract(withStore: WithStore): void {
  it("auth: keeps tokens by hash, revokes once, and pages the audit log newest first", () =>
    withStore(async (store) => {
      const auth = store.auth;
      assert.ok(auth, "both adapters keep tokens");
      await auth.insertToken(token("t1"));
      await auth.insertToken(token("t2", { role: "customer", accountId: "A0" }));
      assert.deepEqual(await auth.tokenByHash("hash-t2"), token("t2", { role: "customer", accountId: "A0" }));
      assert.equal(await auth.tokenByHash("nope"), undefined);
      assert.equal(await auth.revokeToken("t1", "2009-11-03T00:00:00.000Z"), true);
      assert.equal(await auth.revokeToken("t1", "2009-11-04T00:00:00.000Z"), false, "already revoked");
      assert.equal(await auth.revokeToken("t9", "2009-11-04T00:00:00.000Z"), false);
      assert.deepEqual(
        (await auth.listTokens()).map((t) => [t.tokenId, t.revokedAt ?? null]),
        [
          ["t1", "2009-11-03T00:00:00.000Z"],
          ["t2", null],
        ],
      );
      for (const n of [1, 2, 3]) await auth.appendAudit(audit(n));
      const page = await auth.listAudit({ limit: 2 });
      assert.equal(page.total, 3);
      assert.deepEqual(
        page.rows.map(({ id: _, ...row }) => row),
        [audit(3), audit(2)],
      );
      const older = await auth.listAudit({ limit: 2, beforeId: page.rows[1]?.id });
      assert.deepEqual(
        older.rows.map(({ id: _, ...row }) => row),
        [audit(1)],
      );
    }));
}
