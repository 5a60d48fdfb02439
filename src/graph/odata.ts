/**
 * OData helpers for Microsoft Graph query strings (Learn: "Use query parameters", escaping single quotes):
 * - string literals in $filter double every single quote ('O''Brien');
 * - query values are percent-encoded (RFC 3986) while the `$name=value&…` structure stays readable;
 * - ids in path segments are percent-encoded too (a UPN with `#` or `/` must not break the path).
 */

/** Doubles single quotes so the value can sit inside an OData string literal. */
export function escapeLiteral(value: string): string {
  return value.replace(/'/g, "''");
}

/** A quoted OData string literal: `'Sales O''Brien'`. */
export function literal(value: string): string {
  return `'${escapeLiteral(value)}'`;
}

/** `prop eq 'value'` (unencoded; pass the whole expression through `query`). */
export function filterEq(prop: string, value: string): string {
  return `${prop} eq ${literal(value)}`;
}

/** `startswith(prop,'value')` (unencoded). */
export function filterStartsWith(prop: string, value: string): string {
  return `startswith(${prop},${literal(value)})`;
}

// RFC 3986: unreserved characters are never encoded. We also leave the sub-delimiters `'(),` and `@` as they
// are (legal inside a query component and what Graph's own examples show), so a filter stays readable in logs.
// `:` is encoded on purpose: the Graph JS client's path parser looks for a literal "https://" anywhere in the
// path it is given, so a value containing a URL must not carry one.
const KEEP = /[A-Za-z0-9\-._~'(),@]/;

/** Percent-encodes one query value (UTF-8), e.g. `displayName eq 'Økonomi'` → `displayName%20eq%20'%C3%98konomi'`. */
export function encodeQueryValue(value: string): string {
  let out = '';
  for (const ch of value) {
    if (KEEP.test(ch)) out += ch;
    else out += encodeURIComponent(ch).replace(/[!*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  }
  return out;
}

/** Encodes one path segment (an id, a UPN): `/`, `#`, `?`, `%`, spaces and non-ASCII are percent-encoded; `'` and `@` stay. */
export function encodePathSegment(value: string): string {
  return encodeURIComponent(value).replace(/%40/g, '@').replace(/[!*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

export type QueryParams = Record<string, string | number | boolean | undefined>;

/**
 * Builds `?$select=…&$filter=…` with every value encoded and the `$`, `=` and `&` structure kept.
 * Undefined values are skipped. Keys are written as given (they are code constants such as `$select`).
 */
export function query(params: QueryParams): string {
  const parts: string[] = [];
  for (const [key, raw] of Object.entries(params)) {
    if (raw === undefined) continue;
    parts.push(`${key}=${encodeQueryValue(String(raw))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for an object id / appId in the 8-4-4-4-12 hex form (surrounding whitespace and braces tolerated). */
export function isGuid(value: string): boolean {
  return GUID.test(normalizeGuid(value));
}

/** Trims whitespace and `{}` so a pasted `{GUID}` works; lower-cases. */
export function normalizeGuid(value: string): string {
  return value.trim().replace(/^\{|\}$/g, '').toLowerCase();
}

/** Looks like a mail address / UPN (something@domain). */
export function looksLikeMail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
