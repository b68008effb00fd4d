/**
 * API access: tokens (only their SHA-256 is stored) and the audit log of every write made
 * through the API or a token command. A token's secret is shown once, when it is created.
 */

/** Who may do what (docs/api.md): staff roles see every line, a customer only its account's. */
export const ROLES = ["admin", "reviewer", "analyst", "customer"] as const;
export type Role = (typeof ROLES)[number];

export interface TokenRow {
  readonly tokenId: string;
  /** SHA-256 of the whole token, hex: enough for 192 random bits, and an exact-match lookup. */
  readonly tokenHash: string;
  readonly role: Role;
  /** Required for a customer token, absent otherwise. */
  readonly accountId: string | undefined;
  readonly name: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | undefined;
}

/** One audited write: who (token), when, what (action and target), how it ended. */
export interface AuditRow {
  readonly at: string;
  readonly actor: string;
  readonly role: Role | "anonymous" | "cli";
  /** `METHOD /route/pattern`, or a command (`tokens create`). */
  readonly action: string;
  /** The resource written, e.g. `line VAL-0001`; never an IMSI or MSISDN. */
  readonly target: string | undefined;
  readonly status: number;
  readonly requestId: string | undefined;
  /** JSON: what changed (before and after) when the route says so. */
  readonly detail: string;
}

export interface StoredAudit extends AuditRow {
  readonly id: number;
}

export interface AuthStore {
  insertToken(row: TokenRow): Promise<void>;
  /** The token with this hash, revoked or not (callers check `revokedAt`). */
  tokenByHash(tokenHash: string): Promise<TokenRow | undefined>;
  listTokens(): Promise<TokenRow[]>;
  /** False when no such token, or already revoked. */
  revokeToken(tokenId: string, at: string): Promise<boolean>;
  appendAudit(row: AuditRow): Promise<void>;
  /** Newest first; `beforeId` pages backwards through the log. */
  listAudit(query: { readonly limit: number; readonly beforeId?: number | undefined }): Promise<{ rows: StoredAudit[]; total: number }>;
}
