/**
 * The networks the simulation uses, seen from a French line (home MCC 208, home network 208-01),
 * and the zone each one is billed in. Switzerland is outside the EU/EEA: world zone.
 */
import type { Zone } from "../../src/domain/anomaly/index.ts";

export const HOME_MCC = "208";
export const HOME_PLMN = "20801";
/** National roaming partners: same country, still domestic. */
export const NATIONAL_PLMNS = ["20810", "20820"] as const;

/** Networks a device near a French border can catch, by region. */
export const BORDER_PLMNS = ["20610", "20601", "20620", "27001", "26202", "21401", "22201"] as const;

/** Where ordinary EU trips go; Spain first, as most French holidays abroad do. */
export const EU_TRIP_PLMNS = ["21401", "21407", "22201", "26201", "26801", "20404", "23201"] as const;

export const SPAIN_PLMNS = ["21401", "21407", "21403"] as const;

/** Outside the EU: Morocco, the United States, Hong Kong, Brazil, Egypt. */
export const WORLD_PLMNS = ["60401", "310260", "45400", "72405", "60201"] as const;

const EU_MCCS = new Set(["202", "204", "206", "208", "214", "216", "222", "226", "230", "232", "238", "240", "244", "260", "262", "268", "270", "272"]);

export function zoneOf(plmn: string): Zone {
  if (plmn === HOME_PLMN) return "home";
  const mcc = plmn.slice(0, 3);
  if (mcc === HOME_MCC) return "national";
  return EU_MCCS.has(mcc) ? "eu" : "world";
}
