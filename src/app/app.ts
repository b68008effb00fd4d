import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { type Catalog, type InvoiceDocument, type NetworkDirectory, type Period, parsePeriod } from "../domain/index.ts";
import { type ChargingEngine, type Clock, closePeriod, openEngine, systemClock } from "../engine/index.ts";
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
import { openSqliteStore, type Store } from "../store/index.ts";
import { UserError } from "./errors.ts";
import { lineReport } from "./line-report.ts";
import { DEFAULT_CATALOG, loadCatalogFile, networkDirectory } from "./reference.ts";

export interface AppConfig {
  readonly dbPath: string;
  readonly catalogPath?: string | undefined;
  readonly clock?: Clock;
  /** `NORMAL` trades durability on power loss for speed (benchmarks, demo stores). */
  readonly synchronous?: "FULL" | "NORMAL";
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
  ) {}

  static async open(config: AppConfig): Promise<App> {
    const catalog = loadCatalogFile(config.catalogPath ?? DEFAULT_CATALOG);
    const networks = networkDirectory();
    const clock = config.clock ?? systemClock;
    const store = openSqliteStore(config.dbPath, { synchronous: config.synchronous ?? "FULL" });
    try {
      const engine = await openEngine(store, catalog, networks, clock);
      return new App(store, catalog, networks, engine, clock);
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
    const result = await closePeriod(this.engine, period, { actor, now: this.clock.now() });
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

  period(text: string): Period {
    const p = parsePeriod(text);
    if (!p) throw new UserError("invalid_period", `"${text}" is not a period: use YYYY-MM`);
    return p;
  }

  async close(): Promise<void> {
    await this.engine.exclusive(async () => undefined).catch(() => undefined);
    await this.store.close();
  }
}
