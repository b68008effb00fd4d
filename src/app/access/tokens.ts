import { createHash, randomBytes } from "node:crypto";
import { type AuthStore, ROLES, type Role, type TokenRow } from "../../store/index.ts";
import { UserError } from "../errors.ts";

/** Who is calling, once a token is checked: never the secret itself. */
export interface Principal {
  readonly tokenId: string;
  readonly role: Role;
  /** Set for a customer: the only account whose lines and invoices it may see and change. */
  readonly accountId: string | undefined;
  readonly name: string;
}

export interface TokenRequest {
  readonly role: string;
  readonly accountId?: string | undefined;
  readonly name?: string | undefined;
}

/** `gf_` and 32 base64url characters: 192 random bits, recognisable in a leaked log or diff. */
const TOKEN_SHAPE = /^gf_[A-Za-z0-9_-]{32}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function isRole(text: string): text is Role {
  return (ROLES as readonly string[]).includes(text);
}

/**
 * Creates a token and returns its secret, which is stored nowhere: only its SHA-256 is kept,
 * so a copy of the database does not give access to the API.
 */
export async function createToken(
  auth: AuthStore,
  request: TokenRequest,
  context: { readonly actor: string; readonly now: number; readonly accountExists: (accountId: string) => boolean },
): Promise<{ token: string; row: TokenRow }> {
  const { role, accountId } = request;
  if (!isRole(role)) throw new UserError("invalid_role", `"${role}" is not a role: use ${ROLES.join(", ")}`);
  if (role === "customer" && !accountId) throw new UserError("account_required", "a customer token needs --account: the account whose lines it may see");
  if (role !== "customer" && accountId) throw new UserError("account_not_allowed", `a ${role} token sees every account: --account is for customer tokens only`);
  if (accountId && !context.accountExists(accountId)) throw new UserError("unknown_account", `no line belongs to account ${accountId}`);
  const token = `gf_${randomBytes(24).toString("base64url")}`;
  const row: TokenRow = {
    tokenId: `tok_${randomBytes(6).toString("hex")}`,
    tokenHash: hashToken(token),
    role,
    accountId,
    name: request.name?.trim() || (accountId ? `${role} ${accountId}` : role),
    createdAt: new Date(context.now).toISOString(),
    createdBy: context.actor,
    revokedAt: undefined,
  };
  await auth.insertToken(row);
  return { token, row };
}

/** The principal behind a bearer token, or undefined for a malformed, unknown or revoked one. */
export async function authenticate(auth: AuthStore, token: string): Promise<Principal | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const row = await auth.tokenByHash(hashToken(token));
  if (!row || row.revokedAt !== undefined) return undefined;
  return { tokenId: row.tokenId, role: row.role, accountId: row.accountId, name: row.name };
}

/** How a principal is named in the audit log and in invoice events: readable and unique. */
export function actorName(p: Principal): string {
  return `${p.name} (${p.tokenId})`;
}
