import type { Locale } from "./locale.ts";
import { en, type Messages } from "./messages/en.ts";
import { fr } from "./messages/fr.ts";

export type { Locale } from "./locale.ts";
export type MessageKey = keyof Messages;

const CATALOGS: Readonly<Record<Locale, Messages>> = { en, fr };
const STORAGE_KEY = "gardefou.locale";

let current: Locale = initialLocale();

function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === "en" || saved === "fr") return saved;
  return navigator.language.toLowerCase().startsWith("fr") ? "fr" : "en";
}

export function locale(): Locale {
  return current;
}

export function setLocale(next: Locale): void {
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

/** A message in the current language; `{name}` placeholders are filled from `params`. */
export function t(key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  // Keys built from data (`notice.${kind}`) may name a kind this build does not know: show the key.
  const text: string | undefined = CATALOGS[current][key] ?? CATALOGS.en[key];
  return (text ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A message whose key is built from data (a zone, a status): the raw value when there is none. */
export function tMaybe(key: string, fallback: string): string {
  const messages: Readonly<Record<string, string>> = CATALOGS[current];
  return messages[key] ?? fallback;
}
