import type { Migration } from "./types.ts";

/**
 * The review desk: credit notes (an issued invoice is never edited, it is credited), payment
 * plans and their instalments, contact attempts, and plan changes scheduled at a cycle boundary.
 * `seq` columns keep insertion order, which SQLite gets from its rowid.
 */
export const review: Migration = {
  name: "030-review",
  sql: `
  CREATE INDEX invoices_status ON invoices (status);

  CREATE TABLE credit_notes (
    credit_note_id TEXT COLLATE "C" PRIMARY KEY,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    invoice_id TEXT COLLATE "C" NOT NULL REFERENCES invoices (invoice_id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    reason_code TEXT NOT NULL,
    total_excl_tax BIGINT NOT NULL,
    tax BIGINT NOT NULL,
    document TEXT NOT NULL
  );
  CREATE INDEX credit_notes_invoice ON credit_notes (invoice_id);

  CREATE TABLE payment_plans (
    plan_id TEXT COLLATE "C" PRIMARY KEY,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    invoice_id TEXT COLLATE "C" NOT NULL REFERENCES invoices (invoice_id),
    created_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    status TEXT NOT NULL,
    total BIGINT NOT NULL
  );
  CREATE INDEX payment_plans_invoice ON payment_plans (invoice_id);

  CREATE TABLE payment_instalments (
    plan_id TEXT COLLATE "C" NOT NULL REFERENCES payment_plans (plan_id),
    seq INTEGER NOT NULL,
    due_date TEXT NOT NULL,
    amount BIGINT NOT NULL,
    PRIMARY KEY (plan_id, seq)
  );

  CREATE TABLE contact_attempts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id TEXT COLLATE "C" NOT NULL REFERENCES invoices (invoice_id),
    account_id TEXT COLLATE "C" NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    outcome TEXT NOT NULL,
    note TEXT NOT NULL
  );
  CREATE INDEX contact_attempts_invoice ON contact_attempts (invoice_id);

  CREATE TABLE plan_changes (
    line_id TEXT COLLATE "C" NOT NULL,
    effective_period TEXT COLLATE "C" NOT NULL,
    from_plan TEXT NOT NULL,
    from_fee BIGINT,
    to_plan TEXT NOT NULL,
    to_fee BIGINT,
    scheduled_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    status TEXT NOT NULL,
    applied_at TEXT,
    PRIMARY KEY (line_id, effective_period)
  );
  CREATE INDEX plan_changes_status ON plan_changes (status);
  `,
};
