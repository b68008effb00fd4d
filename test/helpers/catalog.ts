import { DEFAULT_CATALOG, loadCatalogFile, networkDirectory, UNGUARDED_CATALOG } from "../../src/app/index.ts";
import type { Catalog, Plan } from "../../src/domain/index.ts";

export const guarded: Catalog = loadCatalogFile(DEFAULT_CATALOG);
export const unguarded: Catalog = loadCatalogFile(UNGUARDED_CATALOG);
export const networks = networkDirectory();

export function plan(catalog: Catalog, id: string): Plan {
  const p = catalog.plans.get(id);
  if (!p) throw new Error(`no plan ${id}`);
  return p;
}
