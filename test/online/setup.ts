// A Garde-fou app with the Gy/Sy server on an ephemeral port, a clock the test moves, and lines.
import { join } from "node:path";
import { App, type NetworkServer, startNetwork } from "../../src/app/index.ts";
import { LINES_HEADER } from "../../src/demo/records.ts";
import { KIB } from "../../src/domain/index.ts";
import type { OnlineOptions } from "../../src/engine/index.ts";

export const OCS_HOST = "ocs.garde-fou.example";
export const OCS_REALM = "garde-fou.example";

export class TestClock {
  constructor(public ms: number) {}
  now = (): number => this.ms;
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export const ONLINE: Partial<OnlineOptions> = { defaultGrant: 2048 * KIB, validityS: 600, thresholdPercent: 20 };

export interface Running {
  readonly app: App;
  readonly net: NetworkServer;
  readonly stop: () => Promise<void>;
}

export async function startOnline(dir: string, clock: TestClock, options: { maxInFlight?: number; online?: Partial<OnlineOptions> } = {}): Promise<Running> {
  const app = await App.open({ dbPath: join(dir, "online.db"), clock, synchronous: "NORMAL", online: { ...ONLINE, ...options.online } });
  const net = await startNetwork(app, {
    port: 0,
    host: "127.0.0.1",
    originHost: OCS_HOST,
    originRealm: OCS_REALM,
    supervisionIntervalMs: 0,
    ...(options.maxInFlight === undefined ? {} : { maxInFlightRequests: options.maxInFlight }),
  });
  return {
    app,
    net,
    stop: async () => {
      await net.close();
      await app.close();
    },
  };
}

/** A line of the lines file: id, IMSI, MSISDN, plan. */
export function lineCsv(lines: readonly (readonly [string, string, string, string])[]): string {
  return `${LINES_HEADER}\n${lines.map(([id, imsi, msisdn, plan]) => `${id},ACC-${id},${imsi},${msisdn},${plan},,fr,95.00`).join("\n")}\n`;
}
