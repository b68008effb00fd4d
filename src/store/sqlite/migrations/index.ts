import { core } from "./001-core.ts";
import type { Migration } from "./types.ts";

/**
 * Every migration, one file each, named "NNN-topic" so that features can add theirs without
 * touching another's. Applied in name order; `schema_migrations` records what ran.
 */
export const MIGRATIONS: readonly Migration[] = [core].sort((a, b) => (a.name < b.name ? -1 : 1));
export type { Migration } from "./types.ts";
