export type { AppConfig } from "./app.ts";
export { App } from "./app.ts";
export { UserError } from "./errors.ts";
export { DEFAULT_CATALOG, loadCatalogFile, networkDirectory, PACKAGE_ROOT, UNGUARDED_CATALOG } from "./reference.ts";
