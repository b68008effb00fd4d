import type { Locale } from "./i18n.ts";

const STEPS: readonly number[] = [1024 ** 4, 1024 ** 3, 1024 ** 2, 1024];
/** Binary units as the catalog counts them, in each language's own symbols (French: octets). */
const UNITS: Readonly<Record<Locale, readonly string[]>> = { en: ["TiB", "GiB", "MiB", "KiB", "B"], fr: ["Tio", "Gio", "Mio", "Kio", "o"] };

/** Octets for people: "4.37 GiB" / "4,37 Gio". */
export function formatOctets(octets: number, locale: Locale): string {
  const nf = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 2 });
  const units = UNITS[locale];
  for (const [i, size] of STEPS.entries()) if (octets >= size) return `${nf.format(octets / size)} ${units[i]}`;
  return `${nf.format(octets)} ${units[4]}`;
}

export function formatQuantity(service: string, quantity: number, locale: Locale): string {
  if (service === "data") return formatOctets(quantity, locale);
  const nf = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB");
  return service === "voice" ? `${nf.format(Math.ceil(quantity / 60))} min` : `${nf.format(quantity)} SMS`;
}

export function formatDateTime(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
}

export function formatDate(date: string, locale: Locale): string {
  // A local date (YYYY-MM-DD) shown as such: noon UTC keeps it on the same day everywhere.
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}
