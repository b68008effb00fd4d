import type { App } from "../app/index.ts";
import { VALENCIENNES } from "../demo/index.ts";

const ISSUER = "serve --demo";

/**
 * `serve --demo` signs people in without a console step: at each start it revokes the demo
 * tokens of the previous run and prints fresh ones — an admin's and the Valenciennes customer's
 * — with a link that carries the token in the URL fragment, which browsers never send to the
 * server (so it appears in no request log).
 */
export async function issueDemoTokens(app: App, address: string): Promise<string[]> {
  const now = new Date(app.clock.now()).toISOString();
  for (const t of await app.auth.listTokens()) {
    if (t.createdBy === ISSUER && t.revokedAt === undefined) await app.auth.revokeToken(t.tokenId, now);
  }
  const admin = await app.createToken({ role: "admin", name: "demo admin" }, ISSUER);
  const customerAccount = app.engine.lines.get(VALENCIENNES.lineId)?.record.accountId;
  const customer = customerAccount ? await app.createToken({ role: "customer", accountId: customerAccount, name: "demo customer" }, ISSUER) : undefined;
  const base = address.endsWith("/") ? address : `${address}/`;
  return [
    `web app: ${base}`,
    `  demo admin token:    ${admin.token}`,
    `    sign in at once:   ${base}#token=${admin.token}`,
    ...(customer
      ? [
          `  demo customer token (account ${customerAccount}, line ${VALENCIENNES.lineId}): ${customer.token}`,
          `    sign in at once:   ${base}#token=${customer.token}`,
        ]
      : []),
    "  more tokens: gardefou tokens create --role admin|reviewer|analyst|customer [--account ID]",
  ];
}
