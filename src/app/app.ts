import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Catalog, InvoiceDocument, NetworkDirectory, Period } from "../domain/index.ts";
import { type ChargingEngine, type Clock, closePeriod, closeRefusal, OnlineCharging, type OnlineOptions, openEngine, systemClock } from "../engine/index.ts";
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
import { type AuthStore, isConnectionFailure, type Store, type TokenRow } from "../store/index.ts";
import { authenticate, createToken, type Principal, type TokenRequest } from "./access/tokens.ts";
import { AnomalyDesk } from "./anomalies/index.ts";
import { codedStop, RERUN_ADVICE, UserError } from "./errors.ts";
import { lineSeriesView, lineView, parsePeriodText, policyView } from "./line-ops.ts";
import { type ConsentOutcome, NoticeDesk } from "./notices.ts";
import type { NotifyConfig } from "./notify-runtime.ts";
import { DEFAULT_CATALOG, loadCatalogFile, networkDirectory } from "./reference.ts";
import { ReviewDesk } from "./review/index.ts";
import { type RoamingChoice, roamingLimitView, setRoamingLimit } from "./roaming-limit.ts";
import { ForwardedOnline, type OnlineHandler } from "./rpc/front.ts";
import { frontEnd, reloadOnOwners } from "./rpc/front-end.ts";
import type { EngineRouter } from "./rpc/router.ts";
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
  /**
   * A front end of a partitioned deployment (PostgreSQL only): a line's online requests, views
   * and settings go to the engine owning its partition over NATS; this process writes no usage.
   */
  readonly engines?: FrontEndConfig;
}

export interface FrontEndConfig {
  readonly servers: string;
  readonly prefix?: string | undefined;
  /** How long a request waits for its partition to have an owner again (failover). */
  readonly patienceMs?: number | undefined;
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
    /** Set on a front end: where a line's requests go. */
    readonly router: EngineRouter | undefined,
  ) {
    this.gy = router ? new ForwardedOnline(router, engine.lines, store.online) : online;
  }

  /** What answers Gy credit-control requests: the engine here, or the partition's owner. */
  readonly gy: OnlineHandler;

  private desk: ReviewDesk | undefined;
  private anomalyDesk: AnomalyDesk | undefined;

  /** Abnormal consumption: the ranked list of a period, dismissals, and the watch on committed usage. */
  get anomalies(): AnomalyDesk {
    this.anomalyDesk ??= new AnomalyDesk(this);
    return this.anomalyDesk;
  }

  /** Held invoices, credit notes, payment plans, contacts, invoice PDFs and plan migrations. */
  get review(): ReviewDesk {
    // Plan changes are marked on the lines in the owners' memory: not from a front end yet.
    this.desk ??= new ReviewDesk(this, this.router ? () => this.refuseOnFrontEnd("plan migration") : undefined);
    return this.desk;
  }

  static async open(config: AppConfig): Promise<App> {
    const catalog = loadCatalogFile(config.catalogPath ?? DEFAULT_CATALOG);
    const networks = networkDirectory();
    const clock = config.clock ?? systemClock;
    const { store, outbox } = await openStore(config.dbPath, { synchronous: config.synchronous ?? "FULL" });
    let router: EngineRouter | undefined;
    try {
      if (config.engines) router = await frontEnd(store, config.engines);
      const engine = await openEngine(store, catalog, networks, clock);
      const notices = new NoticeDesk(engine, outbox, clock);
      if (config.notify) notices.start(config.notify);
      const app = new App(store, catalog, networks, engine, clock, await OnlineCharging.open(engine, clock, config.online), notices, router);
      // The watch reads commits in order of one writer: with several engines writing, not yet.
      if ((config.watchAnomalies ?? true) && !router) app.anomalies.watch();
      return app;
    } catch (error) {
      await router?.close();
      await store.close();
      if (error instanceof Error && /is not in catalog/.test(error.message)) {
        throw new UserError("catalog_mismatch", `the store's lines do not fit this catalog: ${error.message}`);
      }
      // Lost between opening the store and loading the state from it: still a failure at start.
      if (isConnectionFailure(error)) throw new UserError("store_unreachable", `the store went away while loading: ${(error as Error).message}`);
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
    const unreached = this.router ? await reloadOnOwners(this.router, result.lines) : [];
    return { lines: result.lines.length, warnings: [...result.warnings, ...unreached] };
  }

  async importUsageFile(
    path: string,
    options: { rejectsFile?: string; onProgress?: (p: { records: number; bytes: number }) => void } = {},
  ): Promise<ImportReport> {
    this.refuseOnFrontEnd("usage import");
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
      throw codedStop(error, RERUN_ADVICE);
    }
  }

  async importUsageText(text: string, format: "csv" | "jsonl", source: string): Promise<ImportReport> {
    this.refuseOnFrontEnd("usage import");
    const parser = format === "csv" ? csvUsageParser() : jsonlUsageParser();
    try {
      return await importUsage(this.engine, parser, textChunks(text), { source, now: () => this.clock.now() });
    } catch (error) {
      if (error instanceof HeaderError) throw new UserError(error.code, error.message);
      throw codedStop(error, RERUN_ADVICE);
    }
  }

  async closePeriod(periodText: string, actor: string) {
    const period = this.period(periodText);
    const now = this.clock.now();
    if (this.router) return this.closeWithEngines(this.router, period, actor, now);
    // Engines running beside this process would bill the period's late usage into it after its
    // invoices were made: only a front end, which tells them, closes while they run.
    const running = (await this.store.liveEngines?.()) ?? [];
    if (running.length > 0) {
      throw new UserError("engines_running", `partitioned engines are running (${running.join(", ")}): they would not learn that ${period} closed`, [
        "close it through a front end (gardefou serve --engines), which tells them, or stop them first",
      ]);
    }
    const result = await closePeriod(this.engine, period, { actor, now, ...(await this.anomalies.closeOptions(period, now)) });
    if (!result.ok) throw new UserError(result.code, result.message);
    return result.invoices;
  }

  /**
   * A close while partitioned engines run (docs/deployment.md, Closing a month): the period is
   * marked closing in the store, then every partition's owner stops billing it (after what it
   * had queued); the invoices are made from the journal read afterwards, so every record billed
   * in the period is on them and none comes later; then the owners apply the plan changes the
   * close made due. A close cut short leaves the mark: running it again completes it.
   */
  private async closeWithEngines(router: EngineRouter, period: Period, actor: string, now: number) {
    // Checked before anything is marked: a refused close must leave the engines billing the period.
    const refused = closeRefusal(period, (await this.store.closedPeriods()).includes(period), this.engine.calendar, now);
    if (refused) throw new UserError(refused.code, refused.message);
    await this.store.beginClose?.(period);
    await router.everyPartition("period.closing", { period });
    // A front end's memory is not the engines': it closes on the state they committed, read afresh.
    const engine = await openEngine(this.store, this.catalog, this.networks, this.clock);
    const result = await closePeriod(engine, period, { actor, now, applyPlanChanges: false, ...(await this.anomalies.closeOptions(period, now)) });
    if (!result.ok) throw new UserError(result.code, result.message);
    await router.everyPartition("period.closed", { period });
    return result.invoices;
  }

  async invoices(periodText: string | undefined): Promise<InvoiceDocument[]> {
    const period = periodText === undefined ? undefined : this.period(periodText);
    return (await this.store.listInvoices(period)).map((i) => JSON.parse(i.document) as InvoiceDocument);
  }

  async line(lineId: string, periodText: string | undefined) {
    if (this.router) return this.router.call("line", { lineId, period: periodText });
    return lineView(this, lineId, periodText);
  }

  /** A line's usage by day and zone with its caps and the moments it crossed them (line 360). */
  async lineSeries(lineId: string, periodText: string | undefined) {
    if (this.router) return this.router.call("series", { lineId, period: periodText });
    return lineSeriesView(this, lineId, periodText);
  }

  /** A line's fair-use status and open Gy sessions. */
  async policy(lineId: string) {
    if (this.router) return this.router.call("policy", { lineId });
    return policyView(this, lineId);
  }

  /** A customer's consent to continue past a blocking cap (HTTP, CLI). */
  async consent(lineId: string, capId: string, actor: string, channel: string, period: string | undefined): Promise<ConsentOutcome> {
    if (this.router) return this.router.call("consent", { lineId, capId, actor, channel, period });
    return this.notices.consent(lineId, capId, actor, channel, period);
  }

  async roamingLimit(lineId: string) {
    if (this.router) return this.router.call("roaming-limit", { lineId });
    return roamingLimitView(this, lineId);
  }

  /** Self-care or operator: another roaming-data limit, the catalog's again, or an opt-out; free, at once. */
  async setRoamingLimit(lineId: string, choice: RoamingChoice, by: { actor: string; party: "customer" | "operator"; channel: string }) {
    if (this.router) return this.router.call("roaming-limit.set", { lineId, choice, by });
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
    return parsePeriodText(text);
  }

  /** On a front end, what only a line's owner may do (usage charging) is refused, with where to go. */
  refuseOnFrontEnd(what: string): void {
    if (this.router) {
      throw new UserError(
        "not_on_front_end",
        `${what} is not done by a front end: publish usage to the engines (gardefou publish usage FILE --nats URL), or run the command against the store`,
      );
    }
  }

  async close(): Promise<void> {
    await this.router?.close();
    await this.anomalyDesk?.stop();
    await this.notices.stop();
    this.online.close();
    await this.engine.exclusive(async () => undefined).catch(() => undefined);
    await this.store.close();
  }
}
