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
import type { BatchRequest } from './client';
import { type GraphResponse, isSuccess } from './errors';
import { isGuid } from './odata';
import { sub, valueOf } from './parts';

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
