/** Hash routes: `#/name/param?query`. The server serves one page; the fragment picks the view. */
export interface Route {
  readonly name: string;
  readonly params: readonly string[];
  readonly query: URLSearchParams;
}

export function currentRoute(): Route {
  const raw = window.location.hash.replace(/^#\/?/, "");
  const [path = "", search = ""] = raw.split("?");
  const [name = "", ...params] = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { name, params, query: new URLSearchParams(search) };
}

export function link(name: string, params: readonly string[] = [], query: Record<string, string> = {}): string {
  const path = [name, ...params.map(encodeURIComponent)].join("/");
  const search = new URLSearchParams(query).toString();
  return `#/${path}${search ? `?${search}` : ""}`;
}
