/** Calls to the API of the server that served the page (same origin; the page connects nowhere else). */

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export type Params = Record<string, string | number | boolean | null | undefined>;

export function query(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export async function get<T>(path: string, params: Params = {}): Promise<T> {
  const r = await fetch(`/api/${path}${query(params)}`, { headers: { accept: 'application/json' } });
  const body = (await r.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!r.ok) throw new ApiError(r.status, body?.error ?? `${r.status} ${r.statusText}`);
  return body as T;
}

/** The URL of a download of the events matching the filters. */
export function exportUrl(format: 'csv' | 'jsonl', params: Params): string {
  return `/api/export${query({ ...params, format })}`;
}
