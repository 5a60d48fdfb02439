import { fixedClock } from '../../src/clock';
import { startSampleTenant, type SampleTenant, type SampleTenantOptions } from '../../src/sampleTenant';

export const NOW = '2025-03-14T09:30:00Z';
export const clock = fixedClock(NOW);

/** The header Learn requires for advanced queries (with $count=true). */
export const EVENTUAL = { ConsistencyLevel: 'eventual' };

export function start(opts: SampleTenantOptions = {}): Promise<SampleTenant> {
  return startSampleTenant({ clock, ...opts });
}

/** Percent-encodes query values the way a careful Graph client does ('' doubled by the caller). */
export function q(params: Record<string, string | number>): string {
  return (
    '?' +
    Object.entries(params)
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
      .join('&')
  );
}

export interface Res {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export async function call(
  tenant: SampleTenant,
  persona: string | null,
  pathAndQuery: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown; signal?: AbortSignal } = {},
): Promise<Res> {
  const url = pathAndQuery.startsWith('http') ? pathAndQuery : `${tenant.url}/v1.0${pathAndQuery}`;
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (persona) headers.Authorization = `Bearer ${persona}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), signal: init.signal });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

export const get = (t: SampleTenant, persona: string | null, pathAndQuery: string, headers?: Record<string, string>) => call(t, persona, pathAndQuery, { headers });
