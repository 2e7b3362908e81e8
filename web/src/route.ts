/**
 * The page's state lives in the URL fragment: `#/VIEW[/ID]?param=value&...`. The shared event
 * filters (FILTER_KEYS) travel from view to view; each view adds its own parameters.
 */

export const VIEWS = ['dyads', 'map', 'events', 'network', 'articles', 'article', 'event'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View;
  id: string | null;
  params: URLSearchParams;
}

/** The filters every event view applies (names as the API's parameters). */
export const FILTER_KEYS = ['actor', 'type', 'country', 'from', 'to', 'include_historical'] as const;

export function parseHash(hash = location.hash): Route {
  const m = /^#\/([a-z]+)(?:\/([^?]*))?(?:\?(.*))?$/.exec(hash);
  const view = (m && (VIEWS as readonly string[]).includes(m[1]) ? m[1] : 'dyads') as View;
  return { view, id: m?.[2] ? decodeURIComponent(m[2]) : null, params: new URLSearchParams(m?.[3] ?? '') };
}

export function hashOf(view: View, params: Record<string, string | null | undefined> | URLSearchParams = {}, id?: string | number): string {
  const q = new URLSearchParams();
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [k, v] of entries) if (v !== null && v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return `#/${view}${id !== undefined ? `/${encodeURIComponent(String(id))}` : ''}${s ? `?${s}` : ''}`;
}

export function go(view: View, params: Record<string, string | null | undefined> | URLSearchParams = {}, id?: string | number): void {
  const h = hashOf(view, params, id);
  if (location.hash === h) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = h;
}

/** The shared filters of a route, as API parameters. */
export function filtersOf(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) out[k] = v;
  }
  return out;
}

/** The shared filters plus the given view parameters. */
export function withFilters(params: URLSearchParams, extra: Record<string, string | null | undefined>): Record<string, string | null | undefined> {
  return { ...filtersOf(params), ...extra };
}
