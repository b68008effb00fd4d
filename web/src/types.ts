/** The shapes of the API answers the pages read (docs/api.md, /api/openapi.json). */
export type Role = "admin" | "reviewer" | "analyst" | "customer";

export interface Me {
  token_id: string;
  name: string;
  role: Role;
  account_id: string | null;
  lines: { line_id: string; plan_id: string; plan_name: string; locale: "fr" | "en" }[];
  current_period: string;
  currency: string;
  time_zone: string;
}

export interface CapState {
  id: string;
  measure: "spend" | "volume";
  service: string;
  zones: string[];
  limit: string | null;
  used: string;
  action: string;
  state: string;
  limit_source: string;
}

export interface LineReport {
  line_id: string;
  account_id: string;
  plan_id: string;
  locale: "fr" | "en";
  period: string;
  usage: Record<string, Record<string, { quantity: number; spend: string }>>;
  allowances: { id: string; service: string; used: number; amount: number; percent: number }[];
  caps: CapState[];
  policy_status: string;
  notices: { id: number; kind: string; status: string; created_at: string; threshold?: number; cap_id?: string; country_name?: string }[];
}

export interface SeriesDay {
  date: string;
  service: string;
  zone: string;
  quantity: number;
  spend: string;
  over_units: number;
  throttled_quantity: number;
  records: number;
}

export interface SeriesMarker {
  kind: "cap_warning" | "cap_reached" | "cut_off" | "throttled" | "allowance_warning" | "allowance_used";
  ref: string;
  threshold: number;
  at: string;
}

export interface LineSeries {
  line_id: string;
  account_id: string;
  plan_id: string;
  period: string;
  time_zone: string;
  currency: string;
  dates: string[];
  daily: SeriesDay[];
  caps: { id: string; name: string; measure: "spend" | "volume"; service: string; zones: string[]; limit: string; action: string }[];
  markers: SeriesMarker[];
  hold_threshold: string | null;
}

export interface InvoiceDoc {
  invoice_id: string;
  account_id: string;
  period: string;
  currency: string;
  status: string;
  total_excl_tax: string;
  vat_rate: string;
  tax: string;
  total_incl_tax: string;
  hold_reasons: { code: string; message: string }[];
  lines: {
    line_id: string;
    kind: string;
    description: string;
    zone: string | null;
    country: string | null;
    quantity: string;
    unit: string;
    amount_excl_tax: string;
  }[];
  not_billed: { line_id: string; zone: string; country: string; quantity: string; unit: string; caps: string[] }[];
}

export interface InvoiceEvent {
  at: string;
  actor: string;
  from: string | null;
  to: string;
  reason: string;
}

export interface RoamingLimit {
  line_id: string;
  period: string;
  cap_id: string;
  cap_name: string;
  adjustable_by: "customer" | "operator";
  currency: string;
  catalog_limit: string;
  limit: string | null;
  opt_out: boolean;
  effective_limit: string | null;
  used: string;
  warn_at_percent: number[];
  consented: boolean;
}

export interface NoticeRow {
  id: number;
  kind: string;
  status: string;
  urgent: boolean;
  attempts: number;
  created_at: string;
  sent_at: string | null;
  last_error: string | null;
  line_id?: string;
  period?: string;
  threshold?: number;
  cap_id?: string;
  country_name?: string;
  deliveries: { channel: string; at: string }[];
}

export interface CreditNoteDoc {
  credit_note_id: string;
  at: string;
  actor: string;
  reason_code: string;
  reason: string;
  total_excl_tax: string;
  total_incl_tax: string;
}

export interface ContactEntry {
  at: string;
  actor: string;
  outcome: string;
  note: string;
}

/** GET /api/v1/invoices/{id}/review: what the review desk knows of one invoice. */
export interface ReviewCase {
  invoice: InvoiceDoc;
  balance: { excl_tax: string; tax: string; incl_tax: string; credited_excl_tax: string };
  credit_notes: CreditNoteDoc[];
  payment_plan: { plan_id: string; status: string; total: string; instalments: { seq: number; due_date: string; amount: string }[] } | null;
  contacts: ContactEntry[];
  events: InvoiceEvent[];
}

export interface QueueEntry {
  invoice_id: string;
  account_id: string;
  why: string;
  due_by: string;
  overdue: boolean;
  attempts: number;
  last_contact: ContactEntry | null;
  balance_excl_tax: string;
}

export interface CatalogView {
  plans: { id: string; name: string; monthly_fee: string }[];
}

export interface SimulationView {
  from: string | null;
  to: string;
  periods: string[];
  lines: { line_id: string; account_id: string; plan_id: string; old_total_excl_tax: string; new_total_excl_tax: string; delta: string; pays_more: boolean }[];
  totals: { lines: number; old_total_excl_tax: string; new_total_excl_tax: string; delta: string; paying_more: number; paying_less: number; unchanged: number };
  who_pays_more: { line_id: string; account_id: string; delta: string }[];
}

export interface Finding {
  line_id: string;
  account_id: string;
  score: number;
  reasons: { code: string; message: string; evidence: Record<string, unknown> }[];
}
