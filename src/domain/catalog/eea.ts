/**
 * Countries where EU roaming rules (Regulation (EU) 2022/612) apply: the 27 member states, the
 * EEA states that apply the regulation (Iceland, Liechtenstein, Norway) and the EU's outermost
 * regions that carry their own ISO codes (Guadeloupe, French Guiana, Martinique, Réunion,
 * Mayotte, Saint-Martin). Checked against the regulation's scope as of 2026-11.
 * A catalog can replace this list (`zones.eu.countries`).
 */
export const EU_EEA_COUNTRIES: readonly string[] = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  "IS",
  "LI",
  "NO",
  "GP",
  "GF",
  "MQ",
  "RE",
  "YT",
  "MF",
  "AX",
];

/** International (901) and other shared MCCs used by maritime, aviation and satellite networks. */
export const NON_TERRESTRIAL_MCCS: readonly string[] = ["901", "902", "991"];
