/**
 * What every route of the sample tenant shares: the request/response shapes, Graph's error bodies, the entity types
 * and their default properties, `$select` projection, the query options (`$filter`, `$orderby`, `$top`, `$skiptoken`,
 * `$count`, `$search`) and the refusals Graph makes (graphRules.json: v1.0 properties, advanced queries). Routes
 * answer a single object with `entity` and a collection with `list`; both apply these rules.
 */
import type { Dataset, Json, PersonaName } from './dataset';
import RULES from './graphRules.json';
import { ODataError, evaluate, filterClauses, parseFilter, parseOrderBy, parseSelect, type FilterClause, type FilterFeatures } from './odata';

export interface GraphRequest {
  method: string;
  /** Decoded path below /v1.0, e.g. "/groups/123". */
  path: string;
  /** Decoded query options in order. */
  params: [string, string][];
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body?: unknown;
  persona: PersonaName;
}

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface GraphContext {
  dataset: Dataset;
  /** http://127.0.0.1:PORT (no /v1.0) */
  base: string;
  now: () => Date;
}

export const ODATA_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

// ------------------------------------------------------------------ errors

export function graphError(status: number, code: string, message: string, now: Date, clientRequestId?: string, extraHeaders: Record<string, string> = {}): GraphResponse {
  const requestId = randomId();
  return {
    status,
    headers: { 'Content-Type': 'application/json', 'request-id': requestId, 'client-request-id': clientRequestId ?? requestId, ...extraHeaders },
    body: {
      error: {
        code,
        message,
        innerError: { date: now.toISOString().replace(/\.\d{3}Z$/, ''), 'request-id': requestId, 'client-request-id': clientRequestId ?? requestId },
      },
    },
  };
}

let idCounter = 0;
export function randomId(): string {
  idCounter++;
  const h = (Date.now().toString(16) + idCounter.toString(16).padStart(8, '0') + Math.random().toString(16).slice(2)).padEnd(32, '0').slice(0, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class NotFound extends ODataError {
  constructor(id: string) {
    super(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
  }
}
export class Denied extends ODataError {
  constructor() {
    super(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  }
}

export function checkObjectId(id: string): void {
  if (!GUID.test(id)) throw new ODataError(400, 'Request_BadRequest', `Invalid object identifier '${id}'.`);
}

// ------------------------------------------------------------------ entity types

export interface EntityType {
  name: string; // microsoft.graph.<name>
  set: string; // entity set name for @odata.context
  /** Properties returned without $select; undefined = every stored property except selectOnly. */
  defaults?: readonly string[];
  selectOnly?: readonly string[];
  /** Selectable but never returned (Graph documents them as filter-only). */
  neverReturned?: readonly string[];
  extensions?: boolean;
}

const USER_DEFAULTS = ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'];

export const TYPES: Record<string, EntityType> = {
  user: { name: 'user', set: 'users', defaults: USER_DEFAULTS, extensions: true },
  group: {
    name: 'group',
    set: 'groups',
    selectOnly: ['assignedLicenses', 'licenseProcessingState', 'assignedLabels', 'allowExternalSenders', 'autoSubscribeNewMembers', 'hideFromAddressLists', 'hideFromOutlookClients', 'isSubscribedByMail', 'unseenCount', 'isArchived'],
    neverReturned: ['hasMembersWithLicenseErrors'],
    extensions: true,
  },
  directoryRole: { name: 'directoryRole', set: 'directoryRoles' },
  organization: { name: 'organization', set: 'organization' },
  subscribedSku: { name: 'subscribedSku', set: 'subscribedSkus' },
  servicePrincipal: { name: 'servicePrincipal', set: 'servicePrincipals', selectOnly: [] },
  application: { name: 'application', set: 'applications' },
  appRoleAssignment: { name: 'appRoleAssignment', set: 'appRoleAssignments' },
  synchronizationJob: { name: 'synchronizationJob', set: 'jobs' },
  synchronizationTemplate: { name: 'synchronizationTemplate', set: 'templates' },
  provisioningObjectSummary: { name: 'provisioningObjectSummary', set: 'provisioning' },
  onPremisesDirectorySynchronization: { name: 'onPremisesDirectorySynchronization', set: 'onPremisesSynchronization' },
};

/** Every structural property Microsoft Graph v1.0 declares on the type (graphRules.json, from the v1.0 CSDL). */
const V1_PROPERTIES: Record<string, Set<string>> = Object.fromEntries(Object.entries(RULES.properties).map(([k, v]) => [k, new Set(v)]));

function knownProps(type: EntityType): Set<string> {
  const known = V1_PROPERTIES[type.name];
  if (!known) throw new Error(`graphRules.json has no properties for microsoft.graph.${type.name}; add it to scripts/sample-tenant-graph-rules.mjs`);
  return known;
}

function defaultProps(type: EntityType, obj: Json): string[] {
  if (type.defaults) return [...type.defaults];
  const hidden = new Set([...(type.selectOnly ?? []), ...(type.neverReturned ?? [])]);
  return Object.keys(obj).filter((k) => !hidden.has(k) && !k.startsWith('extension_'));
}

function checkSelect(type: EntityType, select: string[] | undefined, known: Set<string>): void {
  for (const name of select ?? []) {
    if (name === '*' || known.has(name)) continue;
    if (type.extensions && /^extension_[0-9a-f]{32}_\w+$/i.test(name)) continue;
    throw new ODataError(400, 'Request_BadRequest', `Could not find a property named '${name}' on type 'microsoft.graph.${type.name}'.`);
  }
}

function project(type: EntityType, obj: Json, select: string[] | undefined, annotate: boolean): Json {
  const out: Json = {};
  if (annotate) out['@odata.type'] = `#microsoft.graph.${type.name}`;
  const names = select ? select.flatMap((n) => (n === '*' ? defaultProps(type, obj) : [n])) : defaultProps(type, obj);
  const never = new Set(type.neverReturned ?? []);
  for (const n of names) {
    if (never.has(n)) continue;
    if (n in obj) out[n] = obj[n];
    else if (!n.startsWith('extension_')) out[n] = null;
  }
  return out;
}

// ------------------------------------------------------------------ query options and responses

export interface Q {
  get(name: string): string | null;
  has(name: string): boolean;
}

export function queryOf(params: [string, string][]): Q {
  const m = new Map<string, string>();
  for (const [k, v] of params) {
    const key = k.toLowerCase();
    if (m.has(key)) throw new ODataError(400, 'BadRequest', `Query option '${k}' was specified more than once, but it must be specified at most once.`);
    m.set(key, v);
  }
  for (const k of m.keys()) {
    if (k === '$expand') throw new ODataError(400, 'BadRequest', 'The sample tenant does not implement $expand; page the relationship endpoint instead.');
    if (k.startsWith('$') && !['$select', '$filter', '$top', '$skiptoken', '$orderby', '$count', '$search', '$format'].includes(k)) {
      throw new ODataError(400, 'BadRequest', `Query option '${k}' is not supported.`);
    }
  }
  return { get: (n) => m.get(n.toLowerCase()) ?? null, has: (n) => m.has(n.toLowerCase()) };
}

/** The `@odata.context` prefix on the server's own base. */
export function contextBase(g: GraphContext): string {
  return `${g.base}/v1.0/$metadata#`;
}

export function ok(body: unknown): GraphResponse {
  return { status: 200, headers: { 'Content-Type': ODATA_JSON }, body };
}

/** One object, with `$select` applied and checked. */
export function entity(g: GraphContext, q: Q, obj: Json, type: EntityType, set: string): GraphResponse {
  const select = parseSelect(q.get('$select'));
  checkSelect(type, select, knownProps(type));
  const ctxSel = select ? `(${select.join(',')})` : '';
  return ok({ '@odata.context': `${contextBase(g)}${set}${ctxSel}/$entity`, ...project(type, obj, select, false) });
}

/** A collection with the query options applied, refused where Graph refuses them, paged with an absolute nextLink. */
export function list(
  g: GraphContext,
  req: GraphRequest,
  q: Q,
  all: Json[],
  type: EntityType,
  contextPath: string,
  opts: ListOptions,
): GraphResponse {
  const eventual = (req.headers['consistencylevel'] ?? '').toLowerCase() === 'eventual';
  const count = (q.get('$count') ?? '').toLowerCase() === 'true';
  const search = q.get('$search');
  const orderby = parseOrderBy(q.get('$orderby'));
  const select = parseSelect(q.get('$select'));
  const rawFilter = q.get('$filter');
  const parsed = rawFilter !== null ? parseFilter(rawFilter) : undefined;
  const features: FilterFeatures | undefined = parsed?.features;

  // Known properties (Graph v1.0's): of the one type, or of every type a mixed directoryObject collection can hold.
  const types = opts.mixed ? [TYPES.user, TYPES.group, TYPES.directoryRole, TYPES.servicePrincipal] : [type];
  const known = new Set<string>();
  for (const t of types) for (const k of knownProps(t)) known.add(k);
  for (const t of types) {
    try {
      checkSelect(t, select, known);
    } catch (e) {
      if (!opts.mixed) throw e;
      throw new ODataError(400, 'Request_BadRequest', `Could not find a property named '${(select ?? []).find((n) => !known.has(n))}' on type 'microsoft.graph.directoryObject'.`);
    }
  }
  for (const p of features?.paths ?? []) {
    if (!known.has(p) && !(type.extensions && p.startsWith('extension_'))) {
      throw new ODataError(400, 'Request_BadRequest', `Property '${p}' does not exist as a declared property or extension property.`);
    }
  }
  for (const o of orderby) {
    if (!known.has(o.prop.split('/')[0])) throw new ODataError(400, 'Request_BadRequest', `Could not find a property named '${o.prop}' on type 'microsoft.graph.${type.name}'.`);
  }

  if (opts.directory) {
    if (features?.contains) throw new ODataError(400, 'Request_UnsupportedQuery', "Unsupported Query: 'contains' is not supported on directory objects; use startswith or $search.");
    const clauses = parsed ? filterClauses(parsed.expr) : [];
    const refused = opts.mixed ? undefined : refusedWithEventual(type, clauses);
    if (refused && eventual) {
      throw new ODataError(400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified for property '${refused}' of resource '${capitalize(type.name)}' with ConsistencyLevel: eventual.`);
    }
    const reasons = advancedQueryReasons(type, { clauses, orderby, count, search: search !== null, filter: !!parsed, relationship: opts.relationship, cast: !!opts.cast, mixed: !!opts.mixed });
    if (search !== null && !eventual) {
      throw new ODataError(400, 'Request_UnsupportedQuery', "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
    }
    if (reasons.length && (!eventual || !count)) {
      throw new ODataError(
        400,
        'Request_UnsupportedQuery',
        `Unsupported Query. ${reasons.join('; ')}: this needs the ConsistencyLevel: eventual header and $count=true (advanced query capabilities, https://learn.microsoft.com/graph/aad-advanced-queries).`,
      );
    }
    if (count && !eventual) throw new ODataError(400, 'Request_UnsupportedQuery', '$count=true on directory objects needs the ConsistencyLevel: eventual header.');
  }

  let items = all;
  if (parsed) items = items.filter((o) => evaluate(parsed.expr, o, !opts.caseSensitive) === true);
  if (search !== null) items = items.filter((o) => matchesSearch(o, search));
  if (orderby.length) {
    items = [...items].sort((a, b) => {
      for (const o of orderby) {
        const x = String(a[o.prop] ?? '');
        const y = String(b[o.prop] ?? '');
        const c = x.localeCompare(y);
        if (c) return o.desc ? -c : c;
      }
      return 0;
    });
  }

  const topRaw = q.get('$top');
  let top = 100;
  if (topRaw !== null) {
    const n = Number(topRaw);
    if (!Number.isInteger(n) || n < 1 || n > 999) throw new ODataError(400, 'Request_BadRequest', `Invalid page size specified: '${topRaw}'. Must be between 1 and 999 inclusive.`);
    top = n;
  }
  let offset = 0;
  const skip = q.get('$skiptoken');
  if (skip !== null) {
    offset = decodeSkipToken(skip);
    if (offset < 0) throw new ODataError(400, 'Request_BadRequest', `Invalid $skiptoken: '${skip}'.`);
  }
  const page = items.slice(offset, offset + top);
  const body: Json = { '@odata.context': `${contextBase(g)}${contextPath}${select ? `(${select.join(',')})` : ''}` };
  if (count) body['@odata.count'] = items.length;
  if (offset + top < items.length) {
    const params = req.params.filter(([k]) => k.toLowerCase() !== '$skiptoken');
    params.push(['$skiptoken', encodeSkipToken(offset + top)]);
    body['@odata.nextLink'] = `${g.base}/v1.0${req.path}?${params.map(([k, v]) => `${k}=${encodeValue(v)}`).join('&')}`;
  }
  body.value = page.map((o) => project(opts.mixed ? opts.mixed(o) : type, o, select, !!opts.mixed));
  return ok(body);
}

// ------------------------------------------------------------------ advanced queries (graphRules.json, from Learn)

export interface ListOptions {
  directory: boolean;
  caseSensitive?: boolean;
  mixed?: (o: Json) => EntityType;
  /** The navigation property listed (memberOf, transitiveMemberOf, members, …), when it is one. */
  relationship?: string;
  /** A type cast segment followed the relationship (…/memberOf/microsoft.graph.group). */
  cast?: boolean;
}

type FilterTable = { complete: boolean; properties: Record<string, Record<string, string>> };
const FILTER_TABLES = RULES.filter as Record<string, FilterTable>;
const ORDERBY_DEFAULT = RULES.orderbyDefault as Record<string, string[]>;
const AQ_INCOMPATIBLE = RULES.aqIncompatible as Record<string, string[]>;
/** Operators the per-property tables name; gt/lt fall under ge/le there. */
const TABLE_OP: Record<string, string> = { gt: 'ge', lt: 'le' };
const ALWAYS_ADVANCED = new Set(['ne', 'not', 'endswith']);

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A filtered property that Graph refuses when ConsistencyLevel: eventual is sent (hasMembersWithLicenseErrors). */
function refusedWithEventual(type: EntityType, clauses: FilterClause[]): string | undefined {
  const props = AQ_INCOMPATIBLE[type.name] ?? [];
  return clauses.find((c) => props.includes(c.property))?.property;
}

/**
 * Why a directory query is an advanced query (needs ConsistencyLevel: eventual and $count=true); [] when it isn't.
 * A (property, operator) pair the type's complete table doesn't list is refused outright (400), like Graph does.
 */
function advancedQueryReasons(
  type: EntityType,
  q: { clauses: FilterClause[]; orderby: { prop: string }[]; count: boolean; search: boolean; filter: boolean; relationship?: string; cast: boolean; mixed: boolean },
): string[] {
  const reasons: string[] = [];
  if (q.cast && q.relationship && RULES.castOnRelationship.includes(q.relationship)) reasons.push(`OData cast on ${q.relationship}`);
  if (q.relationship && RULES.relationshipQuery.relationships.includes(q.relationship) && (q.filter || q.orderby.length || q.search)) {
    reasons.push(`$filter, $orderby or $search on ${q.relationship}`);
  }
  if (q.filter && q.orderby.length) reasons.push('$filter together with $orderby');
  const defaults = ORDERBY_DEFAULT[type.name] ?? ['displayName'];
  for (const o of q.orderby) if (!defaults.includes(o.prop)) reasons.push(`$orderby=${o.prop}`);
  const table = q.mixed ? undefined : FILTER_TABLES[type.name];
  for (const c of q.clauses) {
    if (ALWAYS_ADVANCED.has(c.op)) {
      reasons.push(`'${c.op}' in $filter`);
      continue;
    }
    if (!table || c.op === 'any') continue;
    const ops = table.properties[c.property];
    const support = ops?.[TABLE_OP[c.op] ?? c.op];
    if (support === 'advanced') reasons.push(`$filter ${c.op} on ${c.property}`);
    else if (!support && table.complete) {
      throw new ODataError(400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified for property '${c.property}' of resource '${capitalize(type.name)}'.`);
    }
  }
  return [...new Set(reasons)];
}

// ------------------------------------------------------------------ small functions

export function splitPath(path: string): string[] {
  const out: string[] = [];
  // Keep key segments like servicePrincipals(appId='a/b') together: split on "/" outside quotes.
  let cur = '';
  let quoted = false;
  for (const ch of path) {
    if (ch === "'") quoted = !quoted;
    if (ch === '/' && !quoted) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** Words of a value the way directory search splits them: on spaces, punctuation and lower→upper case changes. */
function searchTokens(value: string): string[] {
  return value
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * `$search` on directory objects as Graph does it: `"property:value"` terms joined by AND / OR (AND binds tighter);
 * a term matches when each word of its value starts a word of the property (so "displayName:sal" finds "Nordic
 * Sales", but "displayName:ales" does not).
 */
function matchesSearch(o: Json, search: string): boolean {
  const clauses = search.split(/\s+OR\s+/);
  const groups = clauses.map((clause) => [...clause.matchAll(/"([^":]+):([^"]*)"/g)]);
  if (groups.some((g) => g.length === 0)) throw new ODataError(400, 'Request_BadRequest', 'Invalid $search: use "property:value" terms in double quotes.');
  const termMatches = (prop: string, value: string) => {
    const field = o[prop];
    if (typeof field !== 'string') return false;
    const words = searchTokens(field);
    return searchTokens(value).every((w) => words.some((x) => x.startsWith(w)));
  };
  return groups.some((g) => g.every(([, prop, value]) => termMatches(prop, value)));
}

function encodeSkipToken(offset: number): string {
  return 'RFNwdAIAAQAAA' + Buffer.from(`sample:${offset}`).toString('base64url');
}

function decodeSkipToken(token: string): number {
  if (!token.startsWith('RFNwdAIAAQAAA')) return -1;
  const m = /^sample:(\d+)$/.exec(Buffer.from(token.slice(13), 'base64url').toString());
  return m ? Number(m[1]) : -1;
}

function encodeValue(v: string): string {
  return encodeURIComponent(v).replace(/%24/g, '$').replace(/%2C/g, ',').replace(/'/g, "'");
}

/** Percent-decoding that leaves a malformed escape as it is (for logs). */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
