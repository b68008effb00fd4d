import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildNetworkDirectory, type Catalog, type NetworkDirectory, type NetworkRecord, parseCatalog } from "../domain/index.ts";
import { UserError } from "./errors.ts";

/** The package root, from src/app or dist/app alike. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DEFAULT_CATALOG = join(PACKAGE_ROOT, "catalogs", "default.yaml");
export const UNGUARDED_CATALOG = join(PACKAGE_ROOT, "catalogs", "unguarded-2009.yaml");

let directory: NetworkDirectory | undefined;

/**
 * The MCC-MNC reference: the `mcc-mnc-list` package (records taken from Wikipedia's list of
 * mobile network codes), loaded once per process.
 */
export function networkDirectory(): NetworkDirectory {
  if (!directory) {
    const require = createRequire(import.meta.url);
    const records = require("mcc-mnc-list/mcc-mnc-list.json") as NetworkRecord[];
    const version = (require("mcc-mnc-list/package.json") as { version: string }).version;
    directory = buildNetworkDirectory(records, `mcc-mnc-list ${version}`);
  }
  return directory;
}

export function loadCatalogFile(path: string): Catalog {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UserError("catalog_unreadable", `cannot read catalog ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const result = parseCatalog(text, path);
  if (!result.ok) {
    throw new UserError(
      "invalid_catalog",
      `catalog ${path} was refused: ${result.problems.length} problem(s)`,
      result.problems.map((p) => `${p.file}: ${p.path || "(root)"}: ${p.reason}`),
    );
  }
  return result.catalog;
}
