/**
 * Which of the spans the admin wrote is a user, a group or an app: the tenant says so, not the word before it.
 * Every span is looked up as each kind the question can be about, as sub-requests of the snapshot's first `$batch`
 * (so resolving costs no extra round trip); the answers are read here.
 *
 * Lookups (all without advanced query parameters: `eq` and `startswith` on these properties are default filters):
 * - user: an address → `$filter` on userPrincipalName / mail / otherMails / proxyAddresses; an object id →
 *   `/users/{id}`; a name → `startswith(displayName,…)` (the exact match is picked here, the rest are "did you mean").
 * - group: `displayName eq … or mail eq … or mailNickname eq …` (groupExactUrl).
 * - app: `startswith(displayName,…)` on servicePrincipals (spPrefixUrl).
 */
import type { GraphUser } from '../diagnostics/snapshot';
import type { BatchRequest, GraphApi } from './client';
import { type GraphResponse, isSuccess } from './errors';
import { isGuid, query } from './odata';
import { EVENTUAL, sub, valueOf } from './parts';

/** The spans worth looking up: distinct (case-insensitive), not empty, not one of `known`. */
export function extraSpans(spans: readonly string[] | undefined, known: (string | undefined)[]): string[] {
  const seen = new Set(known.filter((k): k is string => Boolean(k?.trim())).map((k) => k.trim().toLowerCase()));
  const out: string[] = [];
  for (const raw of spans ?? []) {
    const s = raw.trim();
    if (!s || seen.has(s.toLowerCase())) continue;
    seen.add(s.toLowerCase());
    out.push(s);
  }
  return out;
}

/** A lookup that could not be read (403, throttled, 5xx, timeout): not the same as "no such object". */
export function failedLookup(res: GraphResponse): boolean {
  return !isSuccess(res.status) && res.status !== 404;
}

/** One sub-request per span: ids `${prefix}${i}`. */
export function spanRequests(prefix: string, spans: readonly string[], url: (span: string) => string): BatchRequest[] {
  return spans.map((s, i) => ({ id: `${prefix}${i}`, method: 'GET', url: url(s) }));
}

const same = (a: string | null | undefined, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

/** The objects of a span's answer whose displayName (or, for users, sign-in name or mail) is the span itself. */
export function exactOf<T extends { displayName?: string | null; userPrincipalName?: string | null; mail?: string | null; mailNickname?: string | null }>(
  res: GraphResponse,
  span: string,
): T[] {
  if (!isSuccess(res.status)) return [];
  const found = isGuid(span) ? [res.body as T] : valueOf<T>(res.body);
  if (isGuid(span)) return found;
  return found.filter((o) => same(o.displayName, span) || same(o.userPrincipalName, span) || same(o.mail, span) || same(o.mailNickname, span));
}

/** What a span's lookup said about one kind. */
export type SpanMatch<T> = { span: string; exact: T[] };

/** The first span (in the admin's order) with at least one exact match of this kind, skipping `except`. */
export function firstExact<T extends { displayName?: string | null }>(
  responses: Map<string, GraphResponse>,
  prefix: string,
  spans: readonly string[],
  except?: string,
): SpanMatch<T> | undefined {
  for (let i = 0; i < spans.length; i++) {
    if (except !== undefined && same(spans[i], except)) continue;
    const exact = exactOf<T>(sub(responses, `${prefix}${i}`), spans[i]);
    if (exact.length > 0) return { span: spans[i], exact };
  }
  return undefined;
}

/** A user named by display name: the exact matches, else the prefix matches ("did you mean"). */
export function usersByName(res: GraphResponse, span: string): { exact: GraphUser[]; prefix: GraphUser[] } {
  if (!isSuccess(res.status) || isGuid(span)) return { exact: [], prefix: [] };
  const all = valueOf<GraphUser>(res.body);
  return { exact: all.filter((u) => same(u.displayName, span)), prefix: all };
}

/** The words of a name worth searching for: at least 2 letters, without the quotes and backslashes `$search` reserves. */
function searchWords(text: string): string[] {
  const words = text
    .replace(/["\\]/g, ' ')
    .split(/[\s,;:()[\]{}]+/)
    .map((w) => w.trim())
    .filter((w) => w.length >= 2);
  return [...new Set(words.map((w) => w.toLowerCase()))].slice(0, 4);
}

/**
 * "Did you mean": a `$search` on displayName with the words the admin typed. Graph matches each word against the
 * start of a word of the name, in any order, so "Oslo salg" finds "Salg Oslo" and "timesheets" finds "Bob's
 * Timesheets Pro" — which neither `eq` nor `startswith` does. An advanced query: send with `EVENTUAL` and
 * `$count=true`. Undefined when there is nothing to search for.
 */
export function searchUrl(collection: 'groups' | 'users' | 'servicePrincipals', text: string, select: string, top = 5): string | undefined {
  const words = searchWords(text);
  if (words.length === 0) return undefined;
  const search = `"displayName:${words.join(' ')}"`;
  return `/${collection}${query({ $search: search, $select: select, $top: top, $count: 'true' })}`;
}

/**
 * One extra round trip, only when nothing matched by name, mail or prefix: the closest objects by `$search` (every
 * typed word starts a word of the name), at most five. Empty when nothing is close or the search could not be read
 * (the admin then gets "not found").
 */
export async function nearMatches<T extends { displayName?: string | null }>(
  api: GraphApi,
  collection: 'groups' | 'users' | 'servicePrincipals',
  text: string,
  select: string,
): Promise<T[]> {
  const url = searchUrl(collection, text, select);
  if (!url) return [];
  const res = await api.get<{ value?: T[] }>(url, { ...EVENTUAL });
  return res.ok ? (res.value?.value ?? []).slice(0, 5) : [];
}
