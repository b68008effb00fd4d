import { App, type FrontEndConfig, type NotifyConfig, startNetwork } from "../app/index.ts";
import { DEMO_PERIOD, generateSegment, runDemo } from "../demo/index.ts";
import { issueDemoTokens } from "./demo-tokens.ts";
import { logLevelOf } from "./logging.ts";
import { buildServer } from "./server.ts";

export interface ServeOptions {
  readonly db: string;
  readonly catalog?: string | undefined;
  readonly httpPort: number;
  readonly host: string;
  readonly demo: boolean;
  /** Gy and Sy on one Diameter server beside HTTP; undefined leaves it off. */
  readonly diameter?: DiameterServeOptions | undefined;
  /** Notice channels and dispatcher; undefined sends nothing (notices wait in the outbox). */
  readonly notify?: NotifyConfig | undefined;
  /** A front end of partitioned engines: where a line's requests are forwarded. */
  readonly engines?: FrontEndConfig | undefined;
}

export interface DiameterServeOptions {
  readonly port: number;
  readonly originHost: string;
  readonly originRealm: string;
  readonly consentUrl: string | undefined;
}

/** `gardefou serve`: opens the store, optionally seeds the demo, listens until a signal. */
export async function serve(options: ServeOptions, log: (line: string) => void): Promise<void> {
  const consent = options.diameter?.consentUrl;
  const notify = options.notify ? { ...options.notify, onEvent: (e: { code: string; message: string }) => log(`notices: ${e.code}: ${e.message}`) } : undefined;
  const app = await App.open({
    dbPath: options.db,
    catalogPath: options.catalog,
    online: consent ? { finalAction: { kind: "redirect", url: consent } } : {},
    ...(notify ? { notify } : {}),
    ...(options.engines ? { engines: options.engines } : {}),
  });
  if (options.demo && app.engine.lines.size === 0) {
    log("store is empty: loading the demo segment of October 2009…");
    const segment = generateSegment();
    await app.importLinesText(segment.linesCsv, "demo-lines.csv");
    await app.importUsageText(segment.historyCsv, "csv", "demo-history.csv");
    const report = await app.importUsageText(segment.usageCsv, "csv", "demo-usage.csv");
    await app.anomalies.flush();
    await app.closePeriod(DEMO_PERIOD, "demo");
    log(`demo loaded: ${segment.profiles.size} lines, ${report.accepted} records, period ${DEMO_PERIOD} closed`);
  }
  const logLevel = logLevelOf(process.env.GARDEFOU_LOG_LEVEL);
  const server = buildServer(app, { logLevel, ...(options.demo ? { demoReport: () => runDemo() } : {}) });
  const address = await server.listen({ port: options.httpPort, host: options.host });
  const role = options.engines ? `, front end of the engines on ${options.engines.servers}` : "";
  log(`gardefou serving ${app.engine.lines.size} lines on ${address} (store ${options.db}, catalog ${app.catalog.id}${role})`);
  if (options.demo) for (const line of await issueDemoTokens(app, address)) log(line);
  const d = options.diameter;
  const network = d ? await startNetwork(app, { port: d.port, host: options.host, originHost: d.originHost, originRealm: d.originRealm, log }) : undefined;
  if (network && options.engines) log(`Diameter Gy on ${options.host}:${network.port} as ${d?.originHost}, forwarded to the partitions' owners`);
  else if (network) log(`Diameter Gy/Sy on ${options.host}:${network.port} as ${d?.originHost} (${app.online.openSessions} open sessions)`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  log("stopping…");
  await network?.close();
  await server.close();
  await app.close();
}
