import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildServer } from "../../src/api/index.ts";
import { App } from "../../src/app/index.ts";
import { DEFAULT_SEGMENT, DEMO_PERIOD, generateSegment, PHYSICIAN, VALENCIENNES } from "../../src/demo/index.ts";
import { NOVEMBER_2009, tempDir } from "./temp.ts";

export interface WebDemo {
  readonly app: App;
  readonly server: FastifyInstance;
  /** `http://127.0.0.1:PORT` once listening; empty for `inject` only. */
  readonly url: string;
  readonly tokens: { readonly admin: string; readonly reviewer: string; readonly analyst: string; readonly customer: string; readonly otherCustomer: string };
  close(): Promise<void>;
}

/**
 * The demo as `serve --demo` loads it, on a small segment (the two 2009 cases and `lines`
 * generated lines), October 2009 closed, with one token per role: the customer is Valenciennes,
 * the other customer the physician.
 */
export async function startWebDemo(options: { lines?: number; webDir?: string | false; listen?: boolean } = {}): Promise<WebDemo> {
  const dir = tempDir("gardefou-web-");
  const app = await App.open({ dbPath: join(dir, "web.db"), clock: NOVEMBER_2009, synchronous: "NORMAL" });
  const segment = generateSegment({ ...DEFAULT_SEGMENT, lines: options.lines ?? 300 });
  await app.importLinesText(segment.linesCsv, "demo-lines.csv");
  await app.importUsageText(segment.usageCsv, "csv", "demo-usage.csv");
  await app.closePeriod(DEMO_PERIOD, "demo");
  const token = async (role: string, accountId?: string) => (await app.createToken({ role, accountId, name: `test ${role}` }, "test")).token;
  const tokens = {
    admin: await token("admin"),
    reviewer: await token("reviewer"),
    analyst: await token("analyst"),
    customer: await token("customer", VALENCIENNES.accountId),
    otherCustomer: await token("customer", PHYSICIAN.accountId),
  };
  const server = buildServer(app, { webDir: options.webDir ?? false, rateLimit: { capacity: 10_000, perSecond: 10_000 } });
  const url = options.listen ? await server.listen({ port: 0, host: "127.0.0.1" }) : "";
  return {
    app,
    server,
    url,
    tokens,
    close: async () => {
      await server.close();
      await app.close();
    },
  };
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
