/**
 * The Microsoft Graph v1.0 request handler of the sample tenant: routing, delegated authorisation per persona,
 * OData query options and response shapes. It is a pure function of (request, dataset) → response, so the HTTP
 * server and `$batch` share it; faults, latency and logging live in server.ts.
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

// ------------------------------------------------------------------ authorisation

/** What a request needs; each permission lists the personas whose consented scopes ∩ role allow it (domain.md §2). */
export type Permission = 'self' | 'directoryRead' | 'licences' | 'onPremSync' | 'syncRead' | 'syncWrite' | 'provisioningLogs';

export const AUTHORISED: Record<Permission, readonly PersonaName[]> = {
  /** /me and the caller's own memberships (User.Read). */
  self: ['ga', 'groups', 'appadmin', 'helpdesk'],
  /** Groups, users, organization, service principals, applications, assignments: member users can read them. */
  directoryRead: ['ga', 'groups', 'appadmin', 'helpdesk'],
  /** subscribedSkus, membersWithLicenseErrors (License/Groups Administrator, Global Reader…). */
  licences: ['ga', 'groups'],
  /** /directory/onPremisesSynchronization: Global Administrator only. */
  onPremSync: ['ga'],
  /** synchronization jobs, schema, templates: Application Administrator / Cloud Application Administrator. */
  syncRead: ['ga', 'appadmin'],
  /** provisionOnDemand, restart, start, pause. */
  syncWrite: ['ga', 'appadmin'],
  /** /auditLogs/provisioning: Reports Reader, Security Reader, Application Administrator…; tenant needs P1/P2. */
  provisioningLogs: ['ga', 'appadmin'],
};

// ------------------------------------------------------------------ helpers

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

class NotFound extends ODataError {
  constructor(id: string) {
    super(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
  }
}
class Denied extends ODataError {
  constructor() {
    super(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  }
}

function checkObjectId(id: string): void {
  if (!GUID.test(id)) throw new ODataError(400, 'Request_BadRequest', `Invalid object identifier '${id}'.`);
}

// ------------------------------------------------------------------ entity types

interface EntityType {
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

const TYPES: Record<string, EntityType> = {
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

// ------------------------------------------------------------------ the handler

interface Q {
  get(name: string): string | null;
  has(name: string): boolean;
}

function queryOf(params: [string, string][]): Q {
  const m = new Map<string, string>();
  for (const [k, v] of params) {
    const key = k.toLowerCase();
    if (m.has(key)) throw new ODataError(400, 'BadRequest', `Query option '${k}' was specified more than once, but it must be specified at most once.`);
    m.set(key, v);
  }
  for (const k of m.keys()) {
    if (k === '$expand') throw new ODataError(400, 'BadRequest', 'The sample tenant does not implement $expand; page the relationship endpoint instead (domain.md §1).');
    if (k.startsWith('$') && !['$select', '$filter', '$top', '$skiptoken', '$orderby', '$count', '$search', '$format'].includes(k)) {
      throw new ODataError(400, 'BadRequest', `Query option '${k}' is not supported.`);
    }
  }
  return { get: (n) => m.get(n.toLowerCase()) ?? null, has: (n) => m.has(n.toLowerCase()) };
}

export class GraphHandler {
  constructor(private readonly ctx: GraphContext) {}

  private get ds(): Dataset {
    return this.ctx.dataset;
  }

  handle(req: GraphRequest): GraphResponse {
    try {
      return this.route(req);
    } catch (e) {
      if (e instanceof ODataError) return graphError(e.status, e.code, e.message, this.ctx.now(), req.headers['client-request-id']);
      const msg = e instanceof Error ? e.message : String(e);
      return graphError(500, 'InternalServerError', `Sample tenant error: ${msg}`, this.ctx.now(), req.headers['client-request-id']);
    }
  }

  private need(req: GraphRequest, p: Permission): void {
    if (!AUTHORISED[p].includes(req.persona)) throw new Denied();
  }

  private route(req: GraphRequest): GraphResponse {
    const q = queryOf(req.params);
    const segs = splitPath(req.path);
    if (segs.length === 0) throw new ODataError(400, 'BadRequest', 'Invalid request: a resource path is required.');
    const [head, ...rest] = segs;
    const isGet = req.method === 'GET';
    const onlyGet = () => {
      if (!isGet) throw new ODataError(405, 'Request_BadRequest', `The HTTP method '${req.method}' is not allowed on this resource.`);
    };
    const ds = this.ds;

    // /me
    if (head === 'me') {
      onlyGet();
      this.need(req, 'self');
      const me = this.user(ds.personas[req.persona]);
      return this.objectOrRelation(req, q, me, 'user', rest, `users`);
    }
    // /users
    let m: RegExpMatchArray | null = null;
    if (head === 'users') {
      onlyGet();
      this.need(req, 'directoryRead');
      if (rest.length === 0) return this.list(req, q, ds.users, TYPES.user, 'users', { directory: true });
      const user = this.user(rest[0]);
      return this.objectOrRelation(req, q, user, 'user', rest.slice(1), 'users');
    }
    if (head === 'groups') {
      onlyGet();
      this.need(req, 'directoryRead');
      if (rest.length === 0) return this.list(req, q, q.has('$filter') ? this.groupsForFilter() : ds.groups, TYPES.group, 'groups', { directory: true });
      checkObjectId(rest[0]);
      const group = ds.groups.find((x) => x.id === rest[0]);
      if (!group) throw new NotFound(rest[0]);
      return this.objectOrRelation(req, q, group, 'group', rest.slice(1), 'groups');
    }
    if (head === 'organization') {
      onlyGet();
      this.need(req, 'directoryRead');
      if (rest.length === 0) return this.list(req, q, [ds.organization], TYPES.organization, 'organization', { directory: true });
      checkObjectId(rest[0]);
      if (rest[0] !== ds.organization.id || rest.length > 1) throw new NotFound(rest[0]);
      return this.entity(q, ds.organization, TYPES.organization, 'organization');
    }
    if (head === 'subscribedSkus') {
      onlyGet();
      this.need(req, 'licences');
      if (rest.length) {
        const sku = ds.subscribedSkus.find((s) => s.id === rest[0]);
        if (!sku) throw new NotFound(rest[0]);
        return this.entity(q, sku, TYPES.subscribedSku, 'subscribedSkus');
      }
      if (q.has('$filter')) throw new ODataError(400, 'Request_UnsupportedQuery', 'Unsupported Query.');
      return this.list(req, q, ds.subscribedSkus, TYPES.subscribedSku, 'subscribedSkus', { directory: false });
    }
    if (head === 'directory' && rest[0] === 'onPremisesSynchronization') {
      onlyGet();
      this.need(req, 'onPremSync');
      if (rest.length === 1) return this.list(req, q, ds.onPremisesSynchronization, TYPES.onPremisesDirectorySynchronization, 'directory/onPremisesSynchronization', { directory: false });
      const item = ds.onPremisesSynchronization.find((x) => x.id === rest[1]);
      if (!item || rest.length > 2) throw new NotFound(rest[1]);
      return this.entity(q, item, TYPES.onPremisesDirectorySynchronization, 'directory/onPremisesSynchronization');
    }
    if (head === 'directoryRoles') {
      onlyGet();
      this.need(req, 'directoryRead');
      return this.list(req, q, ds.directoryRoles, TYPES.directoryRole, 'directoryRoles', { directory: true });
    }
    if (head === 'applications' || (m = /^applications\(appId='(.*)'\)$/.exec(head))) {
      onlyGet();
      this.need(req, 'directoryRead');
      let app: Json | undefined;
      if (m) {
        app = ds.applications.find((a) => a.appId === m![1]);
        if (!app) throw new NotFound(m[1]);
      } else if (rest.length === 0) {
        return this.list(req, q, ds.applications, TYPES.application, 'applications', { directory: true });
      } else {
        checkObjectId(rest[0]);
        app = ds.applications.find((a) => a.id === rest[0]);
        if (!app) throw new NotFound(rest[0]);
      }
      return this.entity(q, app, TYPES.application, 'applications');
    }
    if (head === 'servicePrincipals' || (m = /^servicePrincipals\(appId='(.*)'\)$/.exec(head))) {
      let sp: Json | undefined;
      let sub: string[];
      if (m) {
        sp = ds.servicePrincipals.find((s) => s.appId === m![1]);
        if (!sp) throw new NotFound(m[1]);
        sub = rest;
      } else {
        if (rest.length === 0) {
          onlyGet();
          this.need(req, 'directoryRead');
          return this.list(req, q, ds.servicePrincipals, TYPES.servicePrincipal, 'servicePrincipals', { directory: true });
        }
        checkObjectId(rest[0]);
        sp = ds.servicePrincipals.find((s) => s.id === rest[0]);
        if (!sp) throw new NotFound(rest[0]);
        sub = rest.slice(1);
      }
      return this.servicePrincipal(req, q, sp, sub);
    }
    if (head === 'auditLogs' && rest[0] === 'provisioning') {
      onlyGet();
      this.need(req, 'provisioningLogs');
      if (!ds.premium) {
        throw new ODataError(403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', "Neither tenant is B2C or tenant doesn't have premium license");
      }
      const logs = [...ds.provisioningLogs].sort((a, b) => String(b.activityDateTime).localeCompare(String(a.activityDateTime)));
      if (rest.length === 2) {
        const one = logs.find((l) => l.id === rest[1]);
        if (!one) throw new NotFound(rest[1]);
        return this.entity(q, one, TYPES.provisioningObjectSummary, 'auditLogs/provisioning');
      }
      return this.list(req, q, logs, TYPES.provisioningObjectSummary, 'auditLogs/provisioning', { directory: false, caseSensitive: true });
    }
    throw new ODataError(400, 'BadRequest', `Resource not found for the segment '${head}'.`);
  }

  // ---------------------------------------------------------------- directory objects

  /**
   * `/users/{key}`: Graph keys users by object id or userPrincipalName only. Anything else — a mail address that
   * isn't the UPN, a display name — is a 404 Request_ResourceNotFound, never a match on mail.
   */
  private user(idOrUpn: string): Json {
    const lower = idOrUpn.toLowerCase();
    const u = this.ds.users.find((x) => x.id === idOrUpn || String(x.userPrincipalName).toLowerCase() === lower);
    if (!u) throw new NotFound(idOrUpn);
    return u;
  }

  /** Members whose licence from this group is in error (membersWithLicenseErrors). */
  private licenseErrorMembers(groupId: string): Json[] {
    return (this.ds.members[groupId] ?? [])
      .map((x) => this.ds.users.find((usr) => usr.id === x))
      .filter((usr): usr is Json => !!usr)
      .filter((usr) =>
        ((usr.licenseAssignmentStates as Json[] | undefined) ?? []).some((s) => s.assignedByGroup === groupId && (s.state === 'Error' || (s.error && s.error !== 'None'))),
      );
  }

  /** Groups with the filter-only hasMembersWithLicenseErrors computed (never returned: see TYPES.group.neverReturned). */
  private groupsForFilter(): Json[] {
    return this.ds.groups.map((grp) => ({ ...grp, hasMembersWithLicenseErrors: this.licenseErrorMembers(grp.id as string).length > 0 }));
  }

  private typeOf(obj: Json): EntityType {
    if (this.ds.users.includes(obj)) return TYPES.user;
    if (this.ds.groups.includes(obj)) return TYPES.group;
    if (this.ds.directoryRoles.includes(obj)) return TYPES.directoryRole;
    if (this.ds.servicePrincipals.includes(obj)) return TYPES.servicePrincipal;
    return TYPES.user;
  }

  private byId(id: string): Json | undefined {
    return this.ds.users.find((x) => x.id === id) ?? this.ds.groups.find((x) => x.id === id) ?? this.ds.servicePrincipals.find((x) => x.id === id);
  }

  private directGroupsOf(id: string): Json[] {
    return this.ds.groups.filter((grp) => (this.ds.members[grp.id as string] ?? []).includes(id));
  }

  private transitiveGroupsOf(id: string): Json[] {
    const seen = new Map<string, Json>();
    const queue = [id];
    while (queue.length) {
      const cur = queue.shift()!;
      for (const grp of this.directGroupsOf(cur)) {
        if (!seen.has(grp.id as string)) {
          seen.set(grp.id as string, grp);
          queue.push(grp.id as string);
        }
      }
    }
    return [...seen.values()];
  }

  private rolesOf(ids: string[]): Json[] {
    return this.ds.directoryRoles.filter((r) => (this.ds.roleMembers[r.id as string] ?? []).some((mm) => ids.includes(mm)));
  }

  private transitiveMembers(groupId: string): Json[] {
    const seen = new Map<string, Json>();
    const queue = [groupId];
    while (queue.length) {
      const cur = queue.shift()!;
      for (const mid of this.ds.members[cur] ?? []) {
        if (seen.has(mid)) continue;
        const o = this.byId(mid);
        if (!o) continue;
        seen.set(mid, o);
        if (this.ds.groups.includes(o)) queue.push(mid);
      }
    }
    return [...seen.values()];
  }

  /** GET on a user/group and its navigation properties (memberOf, transitiveMemberOf, ownedObjects, members, …). */
  private objectOrRelation(req: GraphRequest, q: Q, obj: Json, kind: 'user' | 'group', rest: string[], set: string): GraphResponse {
    const type = TYPES[kind];
    if (rest.length === 0) return this.entity(q, obj, type, set);
    const [rel, cast, ...more] = rest;
    if (more.length) throw new ODataError(400, 'BadRequest', `Resource not found for the segment '${more[0]}'.`);
    const id = obj.id as string;
    let items: Json[];
    switch (rel) {
      case 'memberOf':
        items = [...this.directGroupsOf(id), ...(kind === 'user' ? this.rolesOf([id]) : [])];
        break;
      case 'transitiveMemberOf': {
        const groups = this.transitiveGroupsOf(id);
        items = [...groups, ...(kind === 'user' ? this.rolesOf([id, ...groups.map((x) => x.id as string)]) : [])];
        break;
      }
      case 'ownedObjects':
        items = this.ds.groups.filter((grp) => (this.ds.owners[grp.id as string] ?? []).includes(id));
        break;
      case 'members':
        if (kind !== 'group') throw new ODataError(400, 'BadRequest', `Resource not found for the segment '${rel}'.`);
        items = (this.ds.members[id] ?? []).map((x) => this.byId(x)).filter((x): x is Json => !!x);
        break;
      case 'transitiveMembers':
        if (kind !== 'group') throw new ODataError(400, 'BadRequest', `Resource not found for the segment '${rel}'.`);
        items = this.transitiveMembers(id);
        break;
      case 'owners':
        if (kind !== 'group') throw new ODataError(400, 'BadRequest', `Resource not found for the segment '${rel}'.`);
        items = (this.ds.owners[id] ?? []).map((x) => this.byId(x)).filter((x): x is Json => !!x);
        break;
      case 'membersWithLicenseErrors': {
        if (kind !== 'group') throw new ODataError(400, 'BadRequest', `Resource not found for the segment '${rel}'.`);
        this.need(req, 'licences');
        items = this.licenseErrorMembers(id);
        break;
      }
      default:
        throw new ODataError(400, 'BadRequest', `Resource not found for the segment '${rel}'.`);
    }
    let castType: EntityType | undefined;
    if (cast) {
      const cm = /^microsoft\.graph\.(user|group|directoryRole|servicePrincipal)$/.exec(cast);
      if (!cm) throw new ODataError(400, 'BadRequest', `Resource not found for the segment '${cast}'.`);
      castType = TYPES[cm[1]];
      items = items.filter((x) => this.typeOf(x) === castType);
    }
    if (castType) return this.list(req, q, items, castType, castType.set, { directory: true, relationship: rel, cast: true });
    return this.list(req, q, items, TYPES.user, 'directoryObjects', { directory: true, relationship: rel, mixed: (o) => this.typeOf(o) });
  }

  // ---------------------------------------------------------------- service principals and synchronization

  private servicePrincipal(req: GraphRequest, q: Q, sp: Json, sub: string[]): GraphResponse {
    const spId = sp.id as string;
    if (sub.length === 0) {
      if (req.method !== 'GET') throw new ODataError(405, 'Request_BadRequest', `The HTTP method '${req.method}' is not allowed on this resource.`);
      this.need(req, 'directoryRead');
      return this.entity(q, sp, TYPES.servicePrincipal, 'servicePrincipals');
    }
    if (sub[0] === 'appRoleAssignedTo' && sub.length === 1) {
      this.need(req, 'directoryRead');
      const items = this.ds.appRoleAssignments.filter((a) => a.resourceId === spId);
      return this.list(req, q, items, TYPES.appRoleAssignment, `servicePrincipals('${spId}')/appRoleAssignedTo`, { directory: true });
    }
    if (sub[0] !== 'synchronization') throw new ODataError(400, 'BadRequest', `Resource not found for the segment '${sub[0]}'.`);
    const sync = this.ds.synchronization[spId] ?? { jobs: [], templates: [], schemas: {} };
    const ctx = `servicePrincipals('${spId}')/synchronization`;
    const write = req.method === 'POST';
    if (!write && req.method !== 'GET') throw new ODataError(405, 'Request_BadRequest', `The HTTP method '${req.method}' is not allowed on this resource.`);
    this.need(req, write ? 'syncWrite' : 'syncRead');
    if (sub[1] === 'templates' && sub.length === 2 && !write) {
      return this.list(req, q, sync.templates, TYPES.synchronizationTemplate, `${ctx}/templates`, { directory: false });
    }
    if (sub[1] === 'jobs') {
      if (sub.length === 2 && !write) return this.list(req, q, sync.jobs, TYPES.synchronizationJob, `${ctx}/jobs`, { directory: false });
      const jobId = sub[2];
      const job = sync.jobs.find((j) => j.id === jobId);
      if (!job) throw new ODataError(404, 'Request_ResourceNotFound', `The synchronization job '${jobId}' was not found for service principal '${spId}'.`);
      if (sub.length === 3 && !write) return this.entity(q, job, TYPES.synchronizationJob, `${ctx}/jobs`);
      if (sub.length === 4 && sub[3] === 'schema' && !write) {
        const schema = sync.schemas[jobId];
        if (!schema) throw new NotFound(`${jobId}/schema`);
        return this.ok({ '@odata.context': `${this.ctxBase()}${ctx}/jobs('${jobId}')/schema/$entity`, ...schema });
      }
      if (sub.length === 4 && write) {
        switch (sub[3]) {
          case 'provisionOnDemand':
            return this.provisionOnDemand(sp, job, sync.schemas[jobId], req.body);
          case 'restart':
            return this.restart(job, req.body);
          case 'start':
            return this.start(job);
          case 'pause':
            return this.pause(job);
        }
      }
    }
    throw new ODataError(400, 'BadRequest', `Resource not found for the segment '${sub[sub.length - 1]}'.`);
  }

  private restart(job: Json, body: unknown): GraphResponse {
    const scope = String(((body as Json | undefined)?.criteria as Json | undefined)?.resetScope ?? 'Full');
    const status = job.status as Json;
    const schedule = job.schedule as Json;
    status.quarantine = null;
    status.countSuccessiveCompleteFailures = 0;
    status.escrowsPruned = false;
    const full = /Full|Watermark|ConnectorDataStore/i.test(scope);
    if (full) {
      status.steadyStateFirstAchievedTime = '0001-01-01T00:00:00Z';
      status.steadyStateLastAchievedTime = '0001-01-01T00:00:00Z';
    }
    status.code = schedule.state === 'Paused' ? 'Paused' : full ? 'NotRun' : 'Active';
    return { status: 204, headers: {} };
  }

  private start(job: Json): GraphResponse {
    const status = job.status as Json;
    (job.schedule as Json).state = 'Active';
    status.quarantine = null;
    status.code = status.steadyStateFirstAchievedTime === '0001-01-01T00:00:00Z' ? 'NotRun' : 'Active';
    return { status: 204, headers: {} };
  }

  private pause(job: Json): GraphResponse {
    (job.schedule as Json).state = 'Paused';
    (job.status as Json).code = 'Paused';
    return { status: 204, headers: {} };
  }

  private provisionOnDemand(sp: Json, job: Json, schema: Json | undefined, body: unknown): GraphResponse {
    const params = (body as Json | undefined)?.parameters;
    if (!Array.isArray(params) || params.length === 0) throw new ODataError(400, 'BadRequest', "The request body must contain 'parameters' with one ruleId and its subjects.");
    const p = params[0] as Json;
    const subjects = p.subjects as Json[] | undefined;
    const rule = ((schema?.synchronizationRules as Json[] | undefined) ?? []).find((r) => r.id === p.ruleId);
    if (!rule) throw new ODataError(400, 'BadRequest', `The synchronization rule '${String(p.ruleId)}' is not part of the job's schema.`);
    if (!Array.isArray(subjects) || subjects.length === 0) throw new ODataError(400, 'BadRequest', 'At least one subject is required.');
    const subject = subjects[0];
    const objectId = String(subject.objectId ?? '');
    const typeName = String(subject.objectTypeName ?? '');
    if (!/^user$/i.test(typeName)) throw new ODataError(400, 'BadRequest', `The sample tenant provisions users on demand; objectTypeName '${typeName}' is not supported here.`);
    checkObjectId(objectId);
    const user = this.ds.users.find((x) => x.id === objectId);
    if (!user) throw new NotFound(objectId);

    const now = this.ctx.now().toISOString();
    const upn = String(user.userPrincipalName);
    const spId = sp.id as string;
    const assignments = this.ds.appRoleAssignments.filter((a) => a.resourceId === spId);
    const direct = assignments.some((a) => a.principalId === objectId);
    const viaGroup = assignments.some((a) => a.principalType === 'Group' && (this.ds.members[a.principalId as string] ?? []).includes(objectId));
    const assigned = direct || viaGroup;
    const mapping = ((rule.objectMappings as Json[]) ?? []).find((om) => om.sourceObjectName === 'User' && om.enabled);
    const scope = evaluateScope(mapping?.scope as Json | null | undefined, user);
    const quarantine = (job.status as Json).quarantine as Json | null;
    const targetName = String(rule.targetDirectoryName ?? 'app');

    const steps: Json[] = [
      { name: 'EntryImport', type: 'Import', status: 'Success', description: `Retrieved User '${upn}' from Azure Active Directory`, timestamp: now, details: { objectId, userPrincipalName: upn, displayName: user.displayName, department: user.department } },
      {
        name: 'EntrySynchronizationScoping',
        type: 'Scoping',
        status: assigned && scope.inScope ? 'Success' : 'Skipped',
        description: !assigned
          ? `User '${upn}' is not assigned to the application, directly or as a direct member of an assigned group`
          : scope.inScope
            ? 'Determine if User in scope by evaluating against each scoping filter'
            : `User '${upn}' is out of scope: ${scope.reason}`,
        timestamp: now,
        details: { Assigned: assigned ? 'True' : 'False', IsActive: String(user.accountEnabled === true ? 'True' : 'False'), IsInProvisioningScope: assigned && scope.inScope ? 'True' : 'False', ScopeEvaluationResult: JSON.stringify(scope.result) },
      },
    ];
    let result: string;
    let details: Json = {};
    if (!assigned || !scope.inScope) {
      result = 'Skipped';
      details = { errorCode: assigned ? 'NotInScope' : 'NotEffectivelyEntitled', errorMessage: String(steps[1].description) };
    } else if (quarantine && quarantine.reason === 'EncounteredQuarantineException') {
      const err = (quarantine.error as Json | null) ?? {};
      result = 'Failure';
      steps.push({ name: 'EntryExportUpdate', type: 'Export', status: 'Failed', description: `Failed to connect to ${targetName}: ${String(err.message ?? 'credentials rejected')}`, timestamp: now, details: { ErrorCode: err.code ?? 'Unauthorized' } });
      details = { errorCode: err.code ?? 'Unauthorized', errorMessage: err.message ?? 'The admin credentials were rejected.' };
    } else {
      result = 'Success';
      steps.push({ name: 'EntryImportObjectExists', type: 'Matching', status: 'Success', description: `Searched ${targetName} for User '${upn}' using userName`, timestamp: now, details: { userName: upn } });
      steps.push({ name: 'EntryExportUpdate', type: 'Export', status: 'Success', description: `User '${upn}' was updated in ${targetName}`, timestamp: now, details: {} });
    }
    const changeId = randomId();
    const value = {
      action: result === 'Success' ? 'Update' : 'Other',
      changeId,
      endTime: now,
      modifiedProperties: [{ displayName: 'userPrincipalName', oldValue: null, newValue: upn }],
      provisioningSteps: steps,
      reportableIdentifier: upn,
      startTime: now,
      statusInfo: { status: result, errorCode: details.errorCode ?? null, reason: details.errorMessage ?? null, additionalDetails: null, errorCategory: null, recommendedAction: null },
      sourceIdentity: { id: objectId, type: 'User', displayName: user.displayName, details: null },
      sourceSystem: { id: null, name: 'Azure Active Directory', details: null },
      targetIdentity: { id: null, type: 'User', displayName: null, details: null },
      targetSystem: { id: null, name: targetName, details: null },
    };
    // The run shows up in the provisioning logs, like a real on-demand run does.
    this.ds.provisioningLogs.push({
      id: randomId(),
      activityDateTime: now.replace(/\.\d{3}Z$/, 'Z'),
      tenantId: this.ds.tenantId,
      jobId: job.id,
      cycleId: randomId(),
      changeId,
      durationInMilliseconds: 420,
      initiatedBy: { id: '', displayName: 'Provision on demand', initiatorType: 'user' },
      provisioningAction: result === 'Success' ? 'update' : 'other',
      provisioningStatusInfo: {
        status: result.toLowerCase(),
        errorInformation: result === 'Success' ? null : { errorCode: details.errorCode ?? null, reason: details.errorMessage ?? null, additionalDetails: null, errorCategory: null, recommendedAction: null },
      },
      provisioningSteps: steps.map((s) => ({ name: s.name, provisioningStepType: String(s.type).toLowerCase(), status: String(s.status).toLowerCase().replace('failed', 'failure'), description: s.description, details: s.details })),
      modifiedProperties: [],
      servicePrincipal: { id: spId, displayName: sp.displayName },
      sourceIdentity: { id: objectId, displayName: user.displayName, identityType: 'User', details: {} },
      sourceSystem: { id: null, displayName: 'Azure Active Directory', details: {} },
      targetIdentity: { id: '', displayName: user.displayName, identityType: 'User', details: {} },
      targetSystem: { id: null, displayName: targetName, details: {} },
    });
    return this.ok({
      '@odata.context': `${this.ctxBase()}microsoft.graph.stringKeyStringValuePair`,
      key: JSON.stringify({ result, details }),
      value: JSON.stringify(value),
    });
  }

  // ---------------------------------------------------------------- responses

  private ctxBase(): string {
    return `${this.ctx.base}/v1.0/$metadata#`;
  }

  private ok(body: unknown): GraphResponse {
    return { status: 200, headers: { 'Content-Type': ODATA_JSON }, body };
  }

  private entity(q: Q, obj: Json, type: EntityType, set: string): GraphResponse {
    const select = parseSelect(q.get('$select'));
    checkSelect(type, select, knownProps(type));
    const ctxSel = select ? `(${select.join(',')})` : '';
    return this.ok({ '@odata.context': `${this.ctxBase()}${set}${ctxSel}/$entity`, ...project(type, obj, select, false) });
  }

  private list(
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
    const body: Json = { '@odata.context': `${this.ctxBase()}${contextPath}${select ? `(${select.join(',')})` : ''}` };
    if (count) body['@odata.count'] = items.length;
    if (offset + top < items.length) {
      const params = req.params.filter(([k]) => k.toLowerCase() !== '$skiptoken');
      params.push(['$skiptoken', encodeSkipToken(offset + top)]);
      body['@odata.nextLink'] = `${this.ctx.base}/v1.0${req.path}?${params.map(([k, v]) => `${k}=${encodeValue(v)}`).join('&')}`;
    }
    body.value = page.map((o) => project(opts.mixed ? opts.mixed(o) : type, o, select, !!opts.mixed));
    return this.ok(body);
  }
}

// ------------------------------------------------------------------ advanced queries (graphRules.json, from Learn)

interface ListOptions {
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

function splitPath(path: string): string[] {
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

function matchesSearch(o: Json, search: string): boolean {
  const terms = [...search.matchAll(/"([^":]+):([^"]*)"/g)];
  if (terms.length === 0) throw new ODataError(400, 'Request_BadRequest', 'Invalid $search: use "property:value" terms in double quotes.');
  return terms.some(([, prop, value]) => typeof o[prop] === 'string' && (o[prop] as string).toLowerCase().includes(value.toLowerCase()));
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

/** Scoping filter semantics (domain.md P3.6): clauses in a group AND, groups OR; null → false; EQUALS case-sensitive. */
export function evaluateScope(scope: Json | null | undefined, user: Json): { inScope: boolean; reason: string; result: Record<string, Record<string, string>> } {
  const groups = ((scope?.groups as Json[] | undefined) ?? []).concat((scope?.inputFilterGroups as Json[] | undefined) ?? []);
  if (groups.length === 0) return { inScope: true, reason: '', result: {} };
  const result: Record<string, Record<string, string>> = {};
  let reason = '';
  let any = false;
  for (const grp of groups) {
    const name = String(grp.name ?? 'filter');
    result[name] = {};
    let all = true;
    for (const c of (grp.clauses as Json[]) ?? []) {
      const attr = String(c.sourceOperandName);
      const raw = user[attr];
      const v = raw === null || raw === undefined || raw === '' ? null : String(raw);
      const values = (((c.targetOperand as Json | null)?.values as string[] | undefined) ?? []).map(String);
      const op = String(c.operatorName).toUpperCase();
      let pass: boolean;
      switch (op) {
        case 'EQUALS':
          pass = v !== null && values.includes(v);
          break;
        case 'NOT_EQUALS':
          pass = v !== null && !values.includes(v);
          break;
        case 'IS_TRUE':
          pass = v === 'true';
          break;
        case 'IS_FALSE':
          pass = v === 'false';
          break;
        case 'IS_NULL':
          pass = v === null;
          break;
        case 'IS_NOT_NULL':
          pass = v !== null;
          break;
        case 'REGEX_MATCH':
          pass = v !== null && values.some((r) => new RegExp(r).test(v));
          break;
        case 'NOT_REGEX_MATCH':
          pass = v !== null && !values.some((r) => new RegExp(r).test(v));
          break;
        case 'INCLUDES':
          pass = v !== null && values.some((x) => v.includes(x));
          break;
        default:
          pass = false;
      }
      const label = `${attr} ${op} '${values.join("','")}'`;
      result[name][label] = pass ? 'True' : 'False';
      if (!pass) {
        all = false;
        if (!reason) reason = `the scoping filter '${name}' requires ${label} (value: ${v === null ? 'null' : `'${v}'`})`;
      }
    }
    if (all) any = true;
  }
  return { inScope: any, reason, result };
}
