import { App } from "../app/index.ts";
import { DEMO_PERIOD, generateSegment, runDemo } from "../demo/index.ts";
import { buildServer } from "./server.ts";

export interface ServeOptions {
  readonly db: string;
  readonly catalog?: string | undefined;
  readonly httpPort: number;
  readonly host: string;
  readonly demo: boolean;
}

/** `gardefou serve`: opens the store, optionally seeds the demo, listens until a signal. */
export async function serve(options: ServeOptions, log: (line: string) => void): Promise<void> {
  const app = await App.open({ dbPath: options.db, catalogPath: options.catalog });
  if (options.demo && app.engine.lines.size === 0) {
    log("store is empty: loading the demo segment of October 2009…");
    const segment = generateSegment();
    await app.importLinesText(segment.linesCsv, "demo-lines.csv");
    const report = await app.importUsageText(segment.usageCsv, "csv", "demo-usage.csv");
    await app.closePeriod(DEMO_PERIOD, "demo");
    log(`demo loaded: ${segment.profiles.size} lines, ${report.accepted} records, period ${DEMO_PERIOD} closed`);
  }
  const server = buildServer(app, options.demo ? { demoReport: () => runDemo() } : {});
  const address = await server.listen({ port: options.httpPort, host: options.host });
  log(`gardefou serving ${app.engine.lines.size} lines on ${address} (store ${options.db}, catalog ${app.catalog.id})`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  log("stopping…");
  await server.close();
  await app.close();
}
