import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { hashToken } from "../src/app/index.ts";
import { openSqliteStore } from "../src/store/index.ts";
import { gardefou } from "./helpers/cli.ts";
import { FIXTURES, tempDir } from "./helpers/temp.ts";

describe("gardefou tokens", () => {
  const db = join(tempDir(), "tokens.db");
  assert.equal(gardefou(["--db", db, "import", "lines", join(FIXTURES, "lines.csv")]).code, 0);

  it("create prints the token alone on stdout; only its hash is stored; the creation is audited", async () => {
    const r = gardefou(["--db", db, "tokens", "create", "--role", "customer", "--account", "A-VALENCIENNES", "--name", "self-care test"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^gf_[A-Za-z0-9_-]{32}\n$/);
    const token = r.stdout.trim();
    const store = openSqliteStore(db);
    try {
      const auth = store.auth;
      const row = await auth.tokenByHash(hashToken(token));
      assert.deepEqual([row?.role, row?.accountId, row?.name], ["customer", "A-VALENCIENNES", "self-care test"]);
      const { rows } = await auth.listAudit({ limit: 1 });
      assert.deepEqual([rows[0]?.action, rows[0]?.role, rows[0]?.target], ["tokens create", "cli", `token ${row?.tokenId}`]);
    } finally {
      await store.close();
    }
  });

  it("refuses a bad role, a customer without an account and an unknown account, with codes", () => {
    const cases: [string[], string][] = [
      [["--role", "root"], "invalid_role"],
      [["--role", "customer"], "account_required"],
      [["--role", "customer", "--account", "NOPE"], "unknown_account"],
      [["--role", "admin", "--account", "A-VALENCIENNES"], "account_not_allowed"],
    ];
    for (const [args, code] of cases) {
      const r = gardefou(["--db", db, "tokens", "create", ...args]);
      assert.equal(r.code, 1, args.join(" "));
      assert.equal(r.stdout, "");
      assert.match(r.stderr, new RegExp(`\\[${code}\\]`));
    }
  });

  it("lists without secrets and revokes", () => {
    const created = gardefou(["--db", db, "tokens", "create", "--role", "reviewer"]);
    const list = JSON.parse(gardefou(["--db", db, "tokens", "list", "--json"]).stdout) as { tokenId: string; role: string; tokenHash?: string }[];
    assert.ok(list.every((t) => t.tokenHash === undefined));
    const reviewer = list.find((t) => t.role === "reviewer");
    assert.ok(reviewer);
    assert.ok(!JSON.stringify(list).includes(created.stdout.trim()));
    assert.equal(gardefou(["--db", db, "tokens", "revoke", reviewer.tokenId]).code, 0);
    const again = gardefou(["--db", db, "tokens", "revoke", reviewer.tokenId]);
    assert.match(again.stderr, /\[unknown_token\]/);
  });
});
