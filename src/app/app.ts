import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { type Catalog, type InvoiceDocument, type NetworkDirectory, type Period, parsePeriod } from "../domain/index.ts";
import { type ChargingEngine, type Clock, closePeriod, OnlineCharging, type OnlineOptions, openEngine, systemClock } from "../engine/index.ts";
import {
  csvUsageParser,
  fileChunks,
  HeaderError,
  type ImportReport,
  importUsage,
  jsonlUsageParser,
  parseLinesFile,
  textChunks,
  usageParserFor,
} from "../ingest/index.ts";
import type { AuthStore, Store, TokenRow } from "../store/index.ts";
import { authenticate, createToken, type Principal, type TokenRequest } from "./access/tokens.ts";
import { AnomalyDesk } from "./anomalies/index.ts";
import { UserError } from "./errors.ts";
import { lineReport } from "./line-report.ts";
import { lineSeries } from "./line-series.ts";
import { NoticeDesk } from "./notices.ts";
import type { NotifyConfig } from "./notify-runtime.ts";
import { DEFAULT_CATALOG, loadCatalogFile, networkDirectory } from "./reference.ts";
import { ReviewDesk } from "./review/index.ts";
import { type RoamingChoice, roamingLimitView, setRoamingLimit } from "./roaming-limit.ts";
import { openStore } from "./store-factory.ts";

export interface AppConfig {
  readonly dbPath: string;
  readonly catalogPath?: string | undefined;
  readonly clock?: Clock;
  /** `NORMAL` trades durability on power loss for speed (benchmarks, demo stores). */
  readonly synchronous?: "FULL" | "NORMAL";
  /** Send notices (a server): channels and dispatcher. Without it, notices only wait in the outbox. */
  readonly notify?: NotifyConfig;
  /** Online charging (Gy): grant size, validity, final-unit action. */
  readonly online?: Partial<OnlineOptions>;
  /** Watch committed usage for abnormal consumption as it lands (default on). */
  readonly watchAnomalies?: boolean;
}

/**
 * The composition root: config → store → catalog and reference data → engine. The CLI and the
 * HTTP API call only this facade.
 */
export class App {
  private constructor(
    readonly store: Store,
    readonly catalog: Catalog,
    readonly networks: NetworkDirectory,
    readonly engine: ChargingEngine,
    readonly clock: Clock,
    readonly online: OnlineCharging,
    readonly notices: NoticeDesk,
  ) {}

  private desk: ReviewDesk | undefined;
  private anomalyDesk: AnomalyDesk | undefined;

  /** Abnormal consumption: the ranked list of a period, dismissals, and the watch on committed usage. */
  get anomalies(): AnomalyDesk {
    this.anomalyDesk ??= new AnomalyDesk(this);
    return this.anomalyDesk;
  }

  /** Held invoices, credit notes, payment plans, contacts, invoice PDFs and plan migrations. */
  get review(): ReviewDesk {
    this.desk ??= new ReviewDesk(this);
    return this.desk;
  }

  static async open(config: AppConfig): Promise<App> {
    const catalog = loadCatalogFile(config.catalogPath ?? DEFAULT_CATALOG);
    const networks = networkDirectory();
    const clock = config.clock ?? systemClock;
    const { store, outbox } = await openStore(config.dbPath, { synchronous: config.synchronous ?? "FULL" });
    try {
      const engine = await openEngine(store, catalog, networks, clock);
      const notices = new NoticeDesk(engine, outbox, clock);
      if (config.notify) notices.start(config.notify);
      const app = new App(store, catalog, networks, engine, clock, await OnlineCharging.open(engine, clock, config.online), notices);
      if (config.watchAnomalies ?? true) app.anomalies.watch();
      return app;
    } catch (error) {
      await store.close();
      if (error instanceof Error && /is not in catalog/.test(error.message)) {
        throw new UserError("catalog_mismatch", `the store's lines do not fit this catalog: ${error.message}`);
      }
      throw error;
    }
  }

  async importLinesFile(path: string): Promise<{ lines: number; warnings: string[] }> {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      throw new UserError("file_unreadable", `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? ""}`);
    }
    return this.importLinesText(text, basename(path));
  }

  async importLinesText(text: string, name: string): Promise<{ lines: number; warnings: string[] }> {
    const result = parseLinesFile(text, name, this.catalog);
    if (!result.ok) {
      throw new UserError(
        "invalid_lines_file",
        `lines file ${name} was refused: ${result.problems.length} problem(s), nothing loaded`,
        result.problems.map((p) => `line ${p.lineNo}: ${p.field || "(record)"}: ${p.code}: ${p.message}`),
      );
    }
    await this.engine.exclusive(async () => {
      await this.store.upsertLines(result.lines);
      for (const line of result.lines) this.engine.lines.put(line);
    });
    return { lines: result.lines.length, warnings: result.warnings };
  }

  async importUsageFile(
    path: string,
    options: { rejectsFile?: string; onProgress?: (p: { records: number; bytes: number }) => void } = {},
  ): Promise<ImportReport> {
    const parser = usageParserFor(path);
    if (!parser) throw new UserError("unknown_format", `${path}: usage files must end in .csv, .jsonl or .ndjson`);
    try {
      return await importUsage(this.engine, parser, fileChunks(path), {
        source: basename(path),
        rejectsFile: options.rejectsFile ?? `${path}.rejects.csv`,
        onProgress: options.onProgress,
        now: () => this.clock.now(),
      });
    } catch (error) {
      if (error instanceof HeaderError) throw new UserError(error.code, `${path}: ${error.message}; nothing was imported`);
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new UserError("file_unreadable", `cannot read ${path}: no such file`);
      throw error;
    }
  }

  async importUsageText(text: string, format: "csv" | "jsonl", source: string): Promise<ImportReport> {
    const parser = format === "csv" ? csvUsageParser() : jsonlUsageParser();
    try {
      return await importUsage(this.engine, parser, textChunks(text), { source, now: () => this.clock.now() });
    } catch (error) {
      if (error instanceof HeaderError) throw new UserError(error.code, error.message);
      throw error;
    }
  }

  async closePeriod(periodText: string, actor: string) {
    const period = this.period(periodText);
    const now = this.clock.now();
    const result = await closePeriod(this.engine, period, { actor, now, ...(await this.anomalies.closeOptions(period, now)) });
    if (!result.ok) throw new UserError(result.code, result.message);
    return result.invoices;
  }

  async invoices(periodText: string | undefined): Promise<InvoiceDocument[]> {
    const period = periodText === undefined ? undefined : this.period(periodText);
    return (await this.store.listInvoices(period)).map((i) => JSON.parse(i.document) as InvoiceDocument);
  }

  async line(lineId: string, periodText: string | undefined) {
    const line = this.engine.lines.get(lineId);
    if (!line) throw new UserError("unknown_line", `no line ${lineId}`);
    const period = periodText ? this.period(periodText) : ((line.periodList().at(-1) as Period | undefined) ?? this.engine.calendar.periodOf(this.clock.now()));
    const notices = await this.store.listNotices({ lineId, period });
    return lineReport(this.catalog, line, period, notices);
  }

  /** A line's usage by day and zone with its caps and the moments it crossed them (line 360). */
  async lineSeries(lineId: string, periodText: string | undefined) {
    const line = this.engine.lines.get(lineId);
    if (!line) throw new UserError("unknown_line", `no line ${lineId}`);
    const period = periodText ? this.period(periodText) : ((line.periodList().at(-1) as Period | undefined) ?? this.engine.calendar.periodOf(this.clock.now()));
    return lineSeries(this, lineId, period);
  }

  roamingLimit(lineId: string) {
    return roamingLimitView(this, lineId);
  }

  /** Self-care or operator: another roaming-data limit, the catalog's again, or an opt-out; free, at once. */
  setRoamingLimit(lineId: string, choice: RoamingChoice, by: { actor: string; party: "customer" | "operator"; channel: string }) {
    return setRoamingLimit(this, lineId, choice, by);
  }

  /** API tokens and the audit log; the HTTP API refuses to start on a store without them. */
  get auth(): AuthStore {
    if (!this.store.auth) throw new UserError("unsupported_store", `the ${this.store.kind} store has no API tokens yet`);
    return this.store.auth;
  }

  createToken(request: TokenRequest, actor: string): Promise<{ token: string; row: TokenRow }> {
    const accounts = new Set([...this.engine.lines.all()].map((l) => l.record.accountId));
    return createToken(this.auth, request, { actor, now: this.clock.now(), accountExists: (id) => accounts.has(id) });
  }

  authenticate(token: string): Promise<Principal | undefined> {
    return authenticate(this.auth, token);
  }

  period(text: string): Period {
    const p = parsePeriod(text);
    if (!p) throw new UserError("invalid_period", `"${text}" is not a period: use YYYY-MM`);
    return p;
  }

  async close(): Promise<void> {
    await this.anomalyDesk?.stop();
    await this.notices.stop();
    this.online.close();
    await this.engine.exclusive(async () => undefined).catch(() => undefined);
    await this.store.close();
  }
}
