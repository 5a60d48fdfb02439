/**
 * A small Graph-shaped tenant for the snapshot tests: routes GET/POST by path, answers $batch by dispatching each
 * sub-request through the same routes, and evaluates the simple $filter forms our queries use
 * (`p eq 'v'` joined by ` or `/` and `, `startswith(p,'v')`) with OData '' unescaping, case-insensitively like Graph.
 */
import { type Loopback, type Reply, startLoopback } from './loopback';

export interface Routed {
  method: string;
  /** Decoded path without /v1.0, e.g. /groups or /servicePrincipals(appId='x'). */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export type Route = (req: Routed) => Reply | undefined;

export interface FakeGraph extends Loopback {
  /** Every sub-request or plain request as routed, in order. */
  routed: Routed[];
}

function split(url: string): { path: string; query: URLSearchParams } {
  const u = new URL(url, 'http://x');
  return { path: decodeURIComponent(u.pathname).replace(/^\/v1\.0/, ''), query: u.searchParams };
}

export async function startFakeGraph(route: Route): Promise<FakeGraph> {
  const routed: Routed[] = [];
  const dispatch = (method: string, url: string, body: unknown): Reply => {
    const { path, query } = split(url);
    const r: Routed = { method, path, query, body };
    routed.push(r);
    const reply = route(r) ?? { status: 404, body: { error: { code: 'Request_ResourceNotFound', message: `No route for ${method} ${path}` } } };
    const search = query.get('$search');
    return search === null ? reply : { ...reply, body: searched(reply.body, search) };
  };
  const server = await startLoopback((req) => {
    const { path } = split(req.url);
    if (req.method === 'POST' && path === '/$batch') {
      const subs = (req.body as { requests: { id: string; method: string; url: string; body?: unknown }[] }).requests;
      if (subs.length > 20) return { status: 400, body: { error: { code: 'BadRequest', message: 'Too many requests in batch' } } };
      return {
        status: 200,
        body: {
          responses: subs.map((s) => {
            const reply = dispatch(s.method, `/v1.0${s.url}`, s.body);
            return { id: s.id, status: reply.status, headers: reply.headers ?? {}, body: reply.body };
          }),
        },
      };
    }
    return dispatch(req.method, req.url, req.body);
  });
  return Object.assign(server, { routed });
}

const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** `$search="displayName:…"` the way directory search does it: every typed word starts a word of the name. */
function searched(body: unknown, search: string): unknown {
  const m = /^"displayName:([^"]*)"$/.exec(search);
  if (!m) throw new Error(`Unsupported $search in the fake: ${search}`);
  const wanted = wordsOf(m[1]);
  const value = (body as { value?: { displayName?: string }[] }).value ?? [];
  return { ...(body as object), value: value.filter((o) => wanted.every((w) => wordsOf(o.displayName ?? '').some((x) => x.startsWith(w)))) };
}

function unquote(lit: string): string {
  return lit.slice(1, -1).replace(/''/g, "'");
}

const CLAUSE = /^(?:([\w/]+) eq ('(?:[^']|'')*')|startswith\(([\w/]+),('(?:[^']|'')*')\))$/;

function get(obj: Record<string, unknown>, path: string): unknown {
  return path.split('/').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** Splits on top-level ' or ' / ' and ' outside quotes. */
function splitTop(expr: string, word: string): string[] {
  const parts: string[] = [];
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    if (expr[i] === "'") inQuote = !inQuote;
    else if (!inQuote && expr.startsWith(word, i)) {
      parts.push(expr.slice(start, i));
      start = i + word.length;
      i += word.length - 1;
    }
  }
  parts.push(expr.slice(start));
  return parts;
}

/** Applies $filter to objects; throws on a filter it can't parse (so a broken escape fails the test). */
export function applyFilter<T extends object>(items: T[], filter: string | null): T[] {
  if (!filter) return items;
  const ors = splitTop(filter, ' or ').map((o) =>
    splitTop(o, ' and ').map((c) => {
      const m = CLAUSE.exec(c.trim());
      if (!m) throw new Error(`Unparseable $filter clause: ${c}`);
      return m;
    }),
  );
  const lc = (v: unknown) => String(v ?? '').toLowerCase();
  return items.filter((item) =>
    ors.some((ands) =>
      ands.every((m) => {
        const rec = item as unknown as Record<string, unknown>;
        if (m[1]) return get(rec, m[1]) != null && lc(get(rec, m[1])) === lc(unquote(m[2]));
        return lc(get(rec, m[3])).startsWith(lc(unquote(m[4])));
      }),
    ),
  );
}

export function collection(value: unknown[]): Reply {
  return { status: 200, body: { value } };
}

export const denied: Reply = {
  status: 403,
  body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } },
};
