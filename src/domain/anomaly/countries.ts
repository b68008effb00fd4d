/**
 * Just enough geography for messages and for border flapping: country names by MCC, and which
 * countries' networks reach across a home country's borders.
 */
import type { Locale } from "./reasons.ts";
import type { Mcc } from "./types.ts";

const NAMES: Readonly<Record<Mcc, readonly [en: string, fr: string]>> = {
  "202": ["Greece", "Grèce"],
  "204": ["the Netherlands", "Pays-Bas"],
  "206": ["Belgium", "Belgique"],
  "208": ["France", "France"],
  "212": ["Monaco", "Monaco"],
  "213": ["Andorra", "Andorre"],
  "214": ["Spain", "Espagne"],
  "222": ["Italy", "Italie"],
  "228": ["Switzerland", "Suisse"],
  "232": ["Austria", "Autriche"],
  "234": ["the United Kingdom", "Royaume-Uni"],
  "238": ["Denmark", "Danemark"],
  "260": ["Poland", "Pologne"],
  "262": ["Germany", "Allemagne"],
  "268": ["Portugal", "Portugal"],
  "270": ["Luxembourg", "Luxembourg"],
  "272": ["Ireland", "Irlande"],
  "302": ["Canada", "Canada"],
  "310": ["the United States", "États-Unis"],
  "311": ["the United States", "États-Unis"],
  "440": ["Japan", "Japon"],
  "454": ["Hong Kong", "Hong Kong"],
  "460": ["China", "Chine"],
  "602": ["Egypt", "Égypte"],
  "603": ["Algeria", "Algérie"],
  "604": ["Morocco", "Maroc"],
  "605": ["Tunisia", "Tunisie"],
  "724": ["Brazil", "Brésil"],
  "901": ["an international network (ship, aircraft)", "réseau international (navire, avion)"],
};

/**
 * Land neighbours, plus the UK for France: networks from Kent are received around Calais. A
 * home country missing here treats every foreign country as a possible neighbour; the
 * mixed-days test of border flapping is what keeps ordinary trips out.
 */
const NEIGHBOURS: Readonly<Record<Mcc, readonly Mcc[]>> = {
  "208": ["206", "270", "262", "228", "222", "214", "212", "213", "234"],
  "206": ["208", "204", "262", "270"],
  "204": ["206", "262"],
  "262": ["204", "206", "270", "208", "228", "232", "230", "260", "238"],
  "270": ["206", "262", "208"],
  "228": ["208", "262", "232", "222", "295"],
  "222": ["208", "228", "232", "293"],
  "214": ["208", "268", "213"],
  "268": ["214"],
};

export function isNeighbour(home: Mcc, other: Mcc): boolean {
  if (other === home) return false;
  const list = NEIGHBOURS[home];
  return list === undefined || list.includes(other);
}

export function countryName(mcc: Mcc, locale: Locale): string {
  const names = NAMES[mcc];
  if (names === undefined) return `MCC ${mcc}`;
  return locale === "en" ? names[0] : names[1];
}

/** "20610" → "206-10": how network engineers and roaming invoices write it. */
export function formatPlmn(plmn: string): string {
  return `${plmn.slice(0, 3)}-${plmn.slice(3)}`;
}
