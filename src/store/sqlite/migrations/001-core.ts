import type { Migration } from "./types.ts";

/** The journal, lines, outbox, rejects, imports, periods and invoices. */
export const core: Migration = {
  name: "001-core",
  sql: `
  CREATE TABLE lines (
    line_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    imsi TEXT NOT NULL UNIQUE,
    msisdn TEXT NOT NULL UNIQUE,
    plan_id TEXT NOT NULL,
    email TEXT,
    locale TEXT NOT NULL,
    roaming_cap INTEGER,
    roaming_opt_out INTEGER NOT NULL DEFAULT 0,
    monthly_fee INTEGER,
    activated_at TEXT
  );
  CREATE INDEX lines_account ON lines(account_id);

  CREATE TABLE usage (
    seq INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL UNIQUE,
    line_id TEXT NOT NULL,
    service TEXT NOT NULL,
    started_ms INTEGER NOT NULL,
    duration_s INTEGER NOT NULL,
    bytes_up INTEGER NOT NULL,
    bytes_down INTEGER NOT NULL,
    serving_plmn TEXT NOT NULL,
    rating_group INTEGER,
    session_id TEXT,
    usage_period TEXT NOT NULL,
    bill_period TEXT NOT NULL,
    zone TEXT NOT NULL,
    country TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    allowance_id TEXT,
    allowance_used INTEGER NOT NULL,
    units INTEGER NOT NULL,
    unit_label TEXT NOT NULL,
    amount INTEGER NOT NULL,
    over_units INTEGER NOT NULL,
    over_cap_id TEXT,
    throttled INTEGER NOT NULL,
    source TEXT NOT NULL
  );
  -- No secondary index on the hot table: each costs a third of the insert rate; closing a
  -- period scans the journal once, which is cheaper than paying on every record.

  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    line_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    period TEXT NOT NULL,
    kind TEXT NOT NULL,
    urgent INTEGER NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT
  );
  CREATE INDEX outbox_line ON outbox(line_id, period);

  CREATE TABLE consents (
    line_id TEXT NOT NULL,
    period TEXT NOT NULL,
    cap_id TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    channel TEXT NOT NULL,
    PRIMARY KEY (line_id, period, cap_id)
  );

  CREATE TABLE rejects (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    line_no INTEGER NOT NULL,
    record_id TEXT,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    raw TEXT NOT NULL
  );
  CREATE INDEX rejects_source ON rejects(source);

  CREATE TABLE imports (
    import_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    read INTEGER NOT NULL,
    accepted INTEGER NOT NULL,
    duplicates INTEGER NOT NULL,
    rejected INTEGER NOT NULL,
    rejects_file TEXT
  );

  CREATE TABLE periods (
    period TEXT PRIMARY KEY,
    closed_at TEXT NOT NULL
  );

  CREATE TABLE invoices (
    invoice_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    period TEXT NOT NULL,
    status TEXT NOT NULL,
    total_excl_tax INTEGER NOT NULL,
    document TEXT NOT NULL
  );
  CREATE INDEX invoices_period ON invoices(period, account_id);

  CREATE TABLE invoice_events (
    id INTEGER PRIMARY KEY,
    invoice_id TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    reason TEXT NOT NULL
  );
  CREATE INDEX invoice_events_invoice ON invoice_events(invoice_id);
  `,
};
