import type pg from "pg";
import type { AuditRow, AuthStore, Role, StoredAudit, TokenRow } from "../auth-ports.ts";
import { int, pgText } from "./mapping.ts";

interface TokenPgRow {
  token_id: string;
  token_hash: string;
  role: string;
  account_id: string | null;
  name: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
}

interface AuditPgRow {
  id: string;
  at: string;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  status: number;
  request_id: string | null;
  detail: string;
}

function tokenFromPg(r: TokenPgRow): TokenRow {
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

/** Tokens and audit log on PostgreSQL (migration 050-auth). */
export class PostgresAuthStore implements AuthStore {
  constructor(private readonly pool: pg.Pool) {}

  async insertToken(t: TokenRow): Promise<void> {
    await this.pool.query(
      "INSERT INTO api_tokens (token_id, token_hash, role, account_id, name, created_at, created_by, revoked_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)",
      [t.tokenId, t.tokenHash, t.role, t.accountId ?? null, t.name, t.createdAt, t.createdBy, t.revokedAt ?? null],
    );
  }

  async tokenByHash(tokenHash: string): Promise<TokenRow | undefined> {
    const { rows } = await this.pool.query<TokenPgRow>("SELECT * FROM api_tokens WHERE token_hash = $1", [tokenHash]);
    return rows[0] ? tokenFromPg(rows[0]) : undefined;
  }

  async listTokens(): Promise<TokenRow[]> {
    return (await this.pool.query<TokenPgRow>("SELECT * FROM api_tokens ORDER BY created_at, token_id")).rows.map(tokenFromPg);
  }

  async revokeToken(tokenId: string, at: string): Promise<boolean> {
    const result = await this.pool.query("UPDATE api_tokens SET revoked_at = $1 WHERE token_id = $2 AND revoked_at IS NULL", [at, tokenId]);
    return result.rowCount === 1;
  }

  async appendAudit(a: AuditRow): Promise<void> {
    await this.pool.query("INSERT INTO audit_log (at, actor, role, action, target, status, request_id, detail) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)", [
      a.at,
      a.actor,
      a.role,
      a.action,
      a.target ?? null,
      a.status,
      a.requestId ?? null,
      pgText(a.detail),
    ]);
  }

  async listAudit(query: { readonly limit: number; readonly beforeId?: number | undefined }): Promise<{ rows: StoredAudit[]; total: number }> {
    const { rows } =
      query.beforeId === undefined
        ? await this.pool.query<AuditPgRow>("SELECT * FROM audit_log ORDER BY id DESC LIMIT $1", [query.limit])
        : await this.pool.query<AuditPgRow>("SELECT * FROM audit_log WHERE id < $1 ORDER BY id DESC LIMIT $2", [query.beforeId, query.limit]);
    const total = await this.pool.query<{ n: string }>("SELECT COUNT(*) AS n FROM audit_log");
    return {
      rows: rows.map((r) => ({
        id: int(r.id, "audit_log.id"),
        at: r.at,
        actor: r.actor,
        role: r.role as StoredAudit["role"],
        action: r.action,
        target: r.target ?? undefined,
        status: r.status,
        requestId: r.request_id ?? undefined,
        detail: r.detail,
      })),
      total: int(total.rows[0]?.n ?? "0", "count"),
    };
  }
}
