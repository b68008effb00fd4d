/**
 * The signed-in token, kept in sessionStorage: it lives as long as the tab, is never put in a
 * URL the app builds, and is sent only as an Authorization header. A link carrying
 * `#token=…` (printed by `serve --demo`) signs in once and is wiped from the address bar.
 */
const KEY = "gardefou.token";

export function token(): string | undefined {
  return sessionStorage.getItem(KEY) ?? undefined;
}

export function signIn(value: string): void {
  sessionStorage.setItem(KEY, value.trim());
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}

/** Takes a token from the fragment, if any; returns true when one was found. */
export function takeTokenFromFragment(): boolean {
  const m = /^#token=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
  if (!m?.[1]) return false;
  signIn(m[1]);
  history.replaceState(null, "", `${window.location.pathname}#/`);
  return true;
}
