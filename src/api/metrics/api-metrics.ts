import type { FastifyInstance } from "fastify";
import type { App } from "../../app/index.ts";
import type { JournalBatch } from "../../store/index.ts";
import { Counter, Gauge, Histogram, Registry } from "./registry.ts";

/** The numbers `/metrics` exposes: HTTP traffic, the engine's throughput, the review queue. */
export class ApiMetrics {
  readonly registry = new Registry();
  readonly requests = this.registry.add(new Counter("gardefou_http_requests_total", "HTTP requests by method, route and status."));
  readonly duration = this.registry.add(
    new Histogram("gardefou_http_request_duration_seconds", "HTTP request duration by route.", [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10]),
  );
  readonly denied = this.registry.add(new Counter("gardefou_http_denied_total", "Requests refused before their route: unauthorized, forbidden, rate_limited."));
  readonly records = this.registry.add(new Counter("gardefou_usage_records_total", "Usage records committed by the engine, by outcome."));
  readonly notices = this.registry.add(new Counter("gardefou_notices_written_total", "Notices written to the outbox, by kind."));

  constructor(app: App) {
    this.registry.add(new Gauge("gardefou_lines", "Lines the engine owns.", () => [[{}, app.engine.lines.size]]));
    this.registry.add(new Gauge("gardefou_online_sessions", "Open online-charging (Gy) sessions.", () => [[{}, app.online.openSessions]]));
    this.registry.add(
      new Gauge("gardefou_invoices", "Invoices by status (held ones wait for a person).", async () => {
        const counts = new Map<string, number>();
        for (const i of await app.store.listInvoices(undefined)) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
        return [...counts].map(([status, n]) => [{ status }, n] as const);
      }),
    );
    this.registry.add(new Gauge("process_resident_memory_bytes", "Resident memory.", () => [[{}, process.memoryUsage().rss]]));
    this.registry.add(new Gauge("process_uptime_seconds", "Seconds since the process started.", () => [[{}, Math.round(process.uptime())]]));
  }

  /** Counts what each commit wrote; registered for the server's lifetime. */
  readonly onCommitted = (batch: JournalBatch): void => {
    if (batch.usage.length > 0) this.records.inc({ outcome: "accepted" }, batch.usage.length);
    if (batch.rejects.length > 0) this.records.inc({ outcome: "rejected" }, batch.rejects.length);
    for (const o of batch.outbox) this.notices.inc({ kind: o.kind });
  };

  install(server: FastifyInstance, app: App): void {
    app.engine.events.on("committed", this.onCommitted);
    server.addHook("onClose", async () => {
      app.engine.events.off("committed", this.onCommitted);
    });
    server.addHook("onResponse", async (req, reply) => {
      // The route pattern, not the URL: one series per route, whatever the ids in it.
      const route = req.routeOptions.url ?? "unmatched";
      this.requests.inc({ method: req.method, route, status: String(reply.statusCode) });
      this.duration.observe({ route }, reply.elapsedTime / 1000);
    });
  }
}
