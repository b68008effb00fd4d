import type { Migration } from "./types.ts";

/**
 * The journal, lines, outbox, consents, rejects, imports, periods and invoices.
 *
 * Money and volumes are BIGINT (micro-units, octets): a month of a data line passes 2^31 bytes.
 * Identifiers are `COLLATE "C"`: byte order, as SQLite sorts, so that both stores list things in
 * the same order, and cheaper comparisons in the indexes.
 * Per-line tables lead their primary key with `line_id` (the distribution column, e.g. for
 * Citus); `part` is the line's partition (see domain/partition.ts), kept so that an engine that
 * owns a set of partitions loads only their state.
 */
export const core: Migration = {
  name: "001-core",
  sql: `
  CREATE TABLE lines (
    line_id TEXT COLLATE "C" PRIMARY KEY,
    part SMALLINT NOT NULL,
    account_id TEXT COLLATE "C" NOT NULL,
    imsi TEXT NOT NULL UNIQUE,
    msisdn TEXT NOT NULL UNIQUE,
    plan_id TEXT NOT NULL,
    email TEXT,
    locale TEXT NOT NULL,
    roaming_cap BIGINT,
    roaming_opt_out BOOLEAN NOT NULL DEFAULT false,
    monthly_fee BIGINT,
    activated_at TEXT
  );
  CREATE INDEX lines_account ON lines (account_id);
  CREATE INDEX lines_part ON lines (part);

  -- seq is the journal order (re-rating replays records in it). The record_id index serves the
  -- engine's duplicate check, made before the record's line is known; it is not unique because
  -- a distributed table can only enforce keys that hold the distribution column: the engine,
  -- the single writer of a line, rejects a record_id seen on another line (record_id_conflict).
  CREATE TABLE usage (
    line_id TEXT COLLATE "C" NOT NULL,
    record_id TEXT COLLATE "C" NOT NULL,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    part SMALLINT NOT NULL,
    service TEXT NOT NULL,
    started_ms BIGINT NOT NULL,
    duration_s BIGINT NOT NULL,
    bytes_up BIGINT NOT NULL,
    bytes_down BIGINT NOT NULL,
    serving_plmn TEXT NOT NULL,
    rating_group BIGINT,
    session_id TEXT,
    usage_period TEXT COLLATE "C" NOT NULL,
    bill_period TEXT COLLATE "C" NOT NULL,
    zone TEXT NOT NULL,
    country TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    allowance_id TEXT,
    allowance_used BIGINT NOT NULL,
    units BIGINT NOT NULL,
    unit_label TEXT NOT NULL,
    amount BIGINT NOT NULL,
    over_units BIGINT NOT NULL,
    over_cap_id TEXT,
    throttled BOOLEAN NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (line_id, record_id)
  );
  CREATE INDEX usage_record ON usage (record_id);

  CREATE TABLE outbox (
    line_id TEXT COLLATE "C" NOT NULL,
    key TEXT COLLATE "C" NOT NULL,
    id BIGINT GENERATED ALWAYS AS IDENTITY,
    account_id TEXT COLLATE "C" NOT NULL,
    period TEXT COLLATE "C" NOT NULL,
    kind TEXT NOT NULL,
    urgent BOOLEAN NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT,
    PRIMARY KEY (line_id, key)
  );
  CREATE INDEX outbox_id ON outbox (id);

  CREATE TABLE consents (
    line_id TEXT COLLATE "C" NOT NULL,
    period TEXT COLLATE "C" NOT NULL,
    cap_id TEXT COLLATE "C" NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    channel TEXT NOT NULL,
    PRIMARY KEY (line_id, period, cap_id)
  );

  CREATE TABLE rejects (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source TEXT COLLATE "C" NOT NULL,
    line_no BIGINT NOT NULL,
    record_id TEXT,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    raw TEXT NOT NULL
  );
  CREATE INDEX rejects_source ON rejects (source);

  CREATE TABLE imports (
    import_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    read BIGINT NOT NULL,
    accepted BIGINT NOT NULL,
    duplicates BIGINT NOT NULL,
    rejected BIGINT NOT NULL,
    rejects_file TEXT
  );

  CREATE TABLE periods (
    period TEXT COLLATE "C" PRIMARY KEY,
    closed_at TEXT NOT NULL
  );

  CREATE TABLE invoices (
    invoice_id TEXT COLLATE "C" PRIMARY KEY,
    account_id TEXT COLLATE "C" NOT NULL,
    period TEXT COLLATE "C" NOT NULL,
    status TEXT NOT NULL,
    total_excl_tax BIGINT NOT NULL,
    document TEXT NOT NULL
  );
  CREATE INDEX invoices_period ON invoices (period, account_id);

  CREATE TABLE invoice_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id TEXT COLLATE "C" NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    reason TEXT NOT NULL
  );
  CREATE INDEX invoice_events_invoice ON invoice_events (invoice_id);
  `,
};
