import { core } from "./001-core.ts";
import { online } from "./010-online.ts";
import { notify } from "./020-notify.ts";
import { review } from "./030-review.ts";
import { anomaly } from "./040-anomaly.ts";
import { auth } from "./050-auth.ts";
import { leases } from "./060-leases.ts";
import { commitLog } from "./070-commit-log.ts";
import { periodsClosing } from "./080-periods-closing.ts";
import type { Migration } from "./types.ts";

/**
 * PostgreSQL's own migrations, one file each, named "NNN-topic" like SQLite's (the numbers match
 * the topics, not the SQL). Applied in name order; `schema_migrations` records what ran.
 */
export const MIGRATIONS: readonly Migration[] = [core, online, notify, review, anomaly, auth, leases, commitLog, periodsClosing].sort((a, b) =>
  a.name < b.name ? -1 : 1,
);
export type { Migration } from "./types.ts";
