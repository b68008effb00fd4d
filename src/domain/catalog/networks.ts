import { type Catalog, ROAMING_ZONES, type Zone } from "./types.ts";

/** One mobile network as known from the MCC-MNC reference data. */
export interface NetworkInfo {
  readonly plmn: string;
  readonly mcc: string;
  readonly mnc: string;
  /** ISO 3166 alpha-2 codes; some networks serve several territories ("GP/MQ/GF"). */
  readonly countries: readonly string[];
  readonly countryName: string;
  readonly operator: string;
}

export interface NetworkDirectory {
  lookup(plmn: string): NetworkInfo | undefined;
  /** The name of a country (ISO alpha-2) as the reference data spells it. */
  countryName(iso: string): string | undefined;
  readonly source: string;
}

/** ITU-T E.212 shared MCCs of international networks (maritime, aviation, satellite). */
const INTERNATIONAL_MCCS = ["901", "902", "991"];

export interface NetworkRecord {
  readonly mcc: string;
  readonly mnc: string;
  readonly countryCode: string | null;
  readonly countryName: string | null;
  readonly operator: string | null;
  readonly brand: string | null;
}

/**
 * Builds a directory keyed by PLMN ("20610"). A PLMN whose MNC is not listed but whose MCC is
 * known still resolves to the MCC's country: reference lists lag new networks by months, and
 * the zone depends only on the country.
 */
export function buildNetworkDirectory(records: readonly NetworkRecord[], source: string): NetworkDirectory {
  const byPlmn = new Map<string, NetworkInfo>();
  const byMcc = new Map<string, NetworkInfo>();
  const names = new Map<string, string>();
  for (const r of records) {
    if (!/^\d{3}$/.test(r.mcc) || !/^\d{2,3}$/.test(r.mnc)) continue;
    const countries = (r.countryCode ?? "").split("/").filter((c) => /^[A-Z]{2}$/.test(c));
    // Test (001) and internal-use (999) codes serve nobody; shared international MCCs do.
    if (countries.length === 0 && !INTERNATIONAL_MCCS.includes(r.mcc)) continue;
    const info: NetworkInfo = {
      plmn: r.mcc + r.mnc,
      mcc: r.mcc,
      mnc: r.mnc,
      countries,
      countryName: r.countryName ?? "International",
      operator: r.brand ?? r.operator ?? "unknown operator",
    };
    byPlmn.set(info.plmn, info);
    if (countries.length === 1 && r.countryName && !names.has(countries[0] as string)) names.set(countries[0] as string, r.countryName);
    if (!byMcc.has(r.mcc)) byMcc.set(r.mcc, { ...info, mnc: "", operator: "unknown operator" });
  }
  return {
    source,
    countryName: (iso) => names.get(iso),
    lookup(plmn) {
      const hit = byPlmn.get(plmn);
      if (hit) return hit;
      if (!/^\d{5,6}$/.test(plmn)) return undefined;
      const mcc = byMcc.get(plmn.slice(0, 3));
      return mcc ? { ...mcc, plmn, mnc: plmn.slice(3) } : undefined;
    },
  };
}

export interface ZoneResolution {
  readonly zone: Zone;
  /** The country shown on invoices and in notices ("BE"); the MCC for non-terrestrial networks. */
  readonly country: string;
  readonly countryName: string;
}

/** The zone of a serving network for a line of the catalog's home operator. */
export function resolveZone(catalog: Catalog, network: NetworkInfo): ZoneResolution {
  const country = network.countries[0] ?? network.mcc;
  const base = { country, countryName: network.countryName };
  if (catalog.home.plmns.includes(network.plmn)) return { zone: "home", ...base };
  if (catalog.home.domesticMccs.includes(network.mcc)) return { zone: "national", ...base };
  if (catalog.nonTerrestrialMccs.has(network.mcc)) return { zone: "non_terrestrial", ...base };
  if (network.countries.some((c) => catalog.euCountries.has(c))) return { zone: "eu", ...base };
  return { zone: "world", ...base };
}

export function isRoaming(zone: Zone): boolean {
  return ROAMING_ZONES.includes(zone);
}
