import type Database from "better-sqlite3";
import type { AuditRow, AuthStore, Role, StoredAudit, TokenRow } from "../auth-ports.ts";

type Db = Database.Database;

interface TokenSqlRow {
  token_id: string;
  token_hash: string;
  role: string;
  account_id: string | null;
  name: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
}

interface AuditSqlRow {
  id: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  status: number;
  request_id: string | null;
  detail: string;
}

function tokenFromSql(r: TokenSqlRow): TokenRow {
  return {
    tokenId: r.token_id,
    tokenHash: r.token_hash,
    role: r.role as Role,
    accountId: r.account_id ?? undefined,
    name: r.name,
    createdAt: r.created_at,
    createdBy: r.created_by,
    revokedAt: r.revoked_at ?? undefined,
  };
}

function auditFromSql(r: AuditSqlRow): StoredAudit {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    role: r.role as StoredAudit["role"],
    action: r.action,
    target: r.target ?? undefined,
    status: r.status,
    requestId: r.request_id ?? undefined,
    detail: r.detail,
  };
}

/** Tokens and audit log on the embedded SQLite file (migration 050-auth). */
export class SqliteAuthStore implements AuthStore {
  private readonly byHash: Database.Statement;
  private readonly insertAudit: Database.Statement;

  constructor(private readonly db: Db) {
    // Every API request looks its token up: prepared once.
    this.byHash = db.prepare("SELECT * FROM api_tokens WHERE token_hash = ?");
    this.insertAudit = db.prepare("INSERT INTO audit_log (at, actor, role, action, target, status, request_id, detail) VALUES (?,?,?,?,?,?,?,?)");
  }

  async insertToken(t: TokenRow): Promise<void> {
    this.db
      .prepare("INSERT INTO api_tokens (token_id, token_hash, role, account_id, name, created_at, created_by, revoked_at) VALUES (?,?,?,?,?,?,?,?)")
      .run(t.tokenId, t.tokenHash, t.role, t.accountId ?? null, t.name, t.createdAt, t.createdBy, t.revokedAt ?? null);
  }

  async tokenByHash(tokenHash: string): Promise<TokenRow | undefined> {
    const row = this.byHash.get(tokenHash) as TokenSqlRow | undefined;
    return row ? tokenFromSql(row) : undefined;
  }

  async listTokens(): Promise<TokenRow[]> {
    return (this.db.prepare("SELECT * FROM api_tokens ORDER BY created_at, token_id").all() as TokenSqlRow[]).map(tokenFromSql);
  }

  async revokeToken(tokenId: string, at: string): Promise<boolean> {
    return this.db.prepare("UPDATE api_tokens SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL").run(at, tokenId).changes === 1;
  }

  async appendAudit(a: AuditRow): Promise<void> {
    this.insertAudit.run(a.at, a.actor, a.role, a.action, a.target ?? null, a.status, a.requestId ?? null, a.detail);
  }

  async listAudit(query: { readonly limit: number; readonly beforeId?: number | undefined }): Promise<{ rows: StoredAudit[]; total: number }> {
    const rows = (
      query.beforeId === undefined
        ? this.db.prepare("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?").all(query.limit)
        : this.db.prepare("SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?").all(query.beforeId, query.limit)
    ) as AuditSqlRow[];
    const total = (this.db.prepare("SELECT COUNT(*) AS n FROM audit_log").get() as { n: number }).n;
    return { rows: rows.map(auditFromSql), total };
  }
}
