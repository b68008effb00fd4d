export { EU_EEA_COUNTRIES } from "./eea.ts";
export type { NetworkDirectory, NetworkInfo, NetworkRecord, ZoneResolution } from "./networks.ts";
export { buildNetworkDirectory, isRoaming, resolveZone } from "./networks.ts";
export type { CatalogResult } from "./parse.ts";
export { parseCatalog } from "./parse.ts";
export * from "./types.ts";
