/**
 * A small Prometheus registry (text exposition format 0.0.4): counters, gauges read at scrape
 * time, and histograms. Enough for the API's own numbers without a client library.
 */
type Labels = Readonly<Record<string, string>>;

export function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`);
  return parts.length ? `{${parts.join(",")}}` : "";
}

interface Family {
  readonly name: string;
  readonly help: string;
  readonly type: "counter" | "gauge" | "histogram";
  render(): Promise<string[]> | string[];
}

export class Counter implements Family {
  readonly type = "counter";
  private readonly values = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelText(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }

  render(): string[] {
    return [...this.values].map(([labels, v]) => `${this.name}${labels} ${v}`);
  }
}

export class Gauge implements Family {
  readonly type = "gauge";

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly read: () => Promise<readonly (readonly [Labels, number])[]> | readonly (readonly [Labels, number])[],
  ) {}

  async render(): Promise<string[]> {
    return (await this.read()).map(([labels, v]) => `${this.name}${labelText(labels)} ${v}`);
  }
}

export class Histogram implements Family {
  readonly type = "histogram";
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly buckets: readonly number[],
  ) {}

  observe(labels: Labels, value: number): void {
    const key = labelText(labels);
    const s = this.series.get(key) ?? { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
    for (const [i, le] of this.buckets.entries()) if (value <= le) s.counts[i] = (s.counts[i] ?? 0) + 1;
    s.sum += value;
    s.count += 1;
    this.series.set(key, s);
  }

  render(): string[] {
    const out: string[] = [];
    for (const s of this.series.values()) {
      for (const [i, le] of this.buckets.entries()) out.push(`${this.name}_bucket${labelText({ ...s.labels, le: String(le) })} ${s.counts[i] ?? 0}`);
      out.push(`${this.name}_bucket${labelText({ ...s.labels, le: "+Inf" })} ${s.count}`);
      out.push(`${this.name}_sum${labelText(s.labels)} ${s.sum}`);
      out.push(`${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return out;
  }
}

export class Registry {
  private readonly families: Family[] = [];

  add<F extends Family>(family: F): F {
    this.families.push(family);
    return family;
  }

  async text(): Promise<string> {
    const out: string[] = [];
    for (const f of this.families) {
      out.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`, ...(await f.render()));
    }
    return `${out.join("\n")}\n`;
  }
}
