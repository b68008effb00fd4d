import { type Catalog, PeriodCounters } from "../domain/index.ts";
import type { LineRecord } from "../store/index.ts";
import { CapsCache, LineState } from "./line-state.ts";

export type Resolution = { ok: true; line: LineState } | { ok: false; code: "unknown_line" | "line_mismatch"; message: string };

/** The lines an engine owns, found by line id, IMSI or MSISDN. */
export class LineDirectory {
  private readonly byId = new Map<string, LineState>();
  private readonly byImsi = new Map<string, LineState>();
  private readonly byMsisdn = new Map<string, LineState>();
  private readonly capsCache = new CapsCache();
  /** Only created when a plan has an account-scoped cap: most catalogs need none. */
  private readonly accounts: Map<string, Map<string, PeriodCounters>> | undefined;

  constructor(private readonly catalog: Catalog) {
    const accountCaps = [...catalog.plans.values()].some((p) => p.caps.some((c) => c.scope === "account"));
    this.accounts = accountCaps ? new Map() : undefined;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Adds or replaces a line; its counters survive a change of plan or contact details. */
  put(record: LineRecord): LineState {
    const plan = this.catalog.plans.get(record.planId);
    if (!plan) throw new Error(`line ${record.lineId}: plan ${record.planId} is not in catalog ${this.catalog.id}`);
    const caps = this.capsCache.for(plan, record);
    const existing = this.byId.get(record.lineId);
    if (existing) {
      this.byImsi.delete(existing.record.imsi);
      this.byMsisdn.delete(existing.record.msisdn);
      existing.record = record;
      existing.plan = plan;
      existing.caps = caps;
      this.index(existing);
      return existing;
    }
    const state = new LineState(record, plan, caps);
    this.byId.set(record.lineId, state);
    this.index(state);
    return state;
  }

  private index(state: LineState): void {
    this.byImsi.set(state.record.imsi, state);
    this.byMsisdn.set(state.record.msisdn, state);
  }

  get(lineId: string): LineState | undefined {
    return this.byId.get(lineId);
  }

  byImsiOrMsisdn(id: { imsi?: string | undefined; msisdn?: string | undefined }): LineState | undefined {
    return (id.imsi ? this.byImsi.get(id.imsi) : undefined) ?? (id.msisdn ? this.byMsisdn.get(id.msisdn) : undefined);
  }

  all(): IterableIterator<LineState> {
    return this.byId.values();
  }

  /** Resolves a record's line; every identifier it gives must point at the same line. */
  resolve(ids: { lineId: string | undefined; imsi: string | undefined; msisdn: string | undefined }): Resolution {
    if (ids.imsi === undefined && ids.msisdn === undefined && ids.lineId !== undefined) {
      const only = this.byId.get(ids.lineId);
      if (only) return only.resolved;
    }
    const byId = ids.lineId === undefined ? undefined : this.byId.get(ids.lineId);
    const byImsi = ids.imsi === undefined ? undefined : this.byImsi.get(ids.imsi);
    const byMsisdn = ids.msisdn === undefined ? undefined : this.byMsisdn.get(ids.msisdn);
    const line = byId ?? byImsi ?? byMsisdn;
    if (!line) {
      const given = [ids.lineId && `line_id ${ids.lineId}`, ids.imsi && `imsi ${ids.imsi}`, ids.msisdn && `msisdn ${ids.msisdn}`].filter(Boolean);
      return { ok: false, code: "unknown_line", message: `no line with ${given.join(", ")}` };
    }
    const agree = (given: string | undefined, found: LineState | undefined) => given === undefined || found === line;
    if (!agree(ids.lineId, byId) || !agree(ids.imsi, byImsi) || !agree(ids.msisdn, byMsisdn)) {
      return {
        ok: false,
        code: "line_mismatch",
        message: `line_id, imsi and msisdn do not designate one line (line ${line.record.lineId} and another or none)`,
      };
    }
    return { ok: true, line };
  }

  /** The account's counters for a period, when account-scoped caps exist. */
  accountCounters(line: LineState, period: string): PeriodCounters | undefined {
    if (!this.accounts) return undefined;
    let periods = this.accounts.get(line.record.accountId);
    if (!periods) {
      periods = new Map();
      this.accounts.set(line.record.accountId, periods);
    }
    let c = periods.get(period);
    if (!c) {
      c = new PeriodCounters(period);
      periods.set(period, c);
    }
    return c;
  }
}
