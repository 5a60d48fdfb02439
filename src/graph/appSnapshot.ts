/**
 * App provisioning snapshot (docs/decision-trees.md, P0–P5): resolve the enterprise app (service principal) the admin
 * named — by display name, appId or object id — optionally with the user they asked about, and read the
 * provisioning state, in at most 3 Graph round trips:
 *
 *  RT1  $batch: caller roles; service principal lookup (exact displayName + startswith fallback, or by appId and
 *       by object id); app registrations with that name/appId; and when a user is named: the user with the
 *       attributes scoping filters use (by object id, or `$filter` on UPN / mail / otherMails / proxyAddresses).
 *  RT2  $batch (needs the spId): synchronization jobs, templates, appRoleAssignedTo, provisioning logs, and the
 *       found user's direct and transitive group ids (by object id).
 *  RT3  only when a job exists: the main job's schema (scoping filters, mappings).
 *
 * Every part that can't be read becomes a `Failed`; nothing here throws for one sub-request.
 */
import type { Clock } from '../clock';
import type {
  AppResolution,
  AppRoleAssignment,
  AppSnapshot,
  ApplicationRegistration,
  Caller,
  GraphUser,
  Part,
  ProvisioningObjectSummary,
  ServicePrincipal,
  SynchronizationJob,
  SynchronizationSchema,
  SynchronizationTemplate,
  UserFocus,
} from '../diagnostics/snapshot';
import type { BatchRequest, GraphApi } from './client';
import { type GraphResponse, isSuccess } from './errors';
import { encodePathSegment, filterEq, filterStartsWith, isGuid, literal, looksLikeMail, normalizeGuid, query } from './odata';
import { callerFrom, EVENTUAL, failedOf, idsOf, partOf, rolesRequest, sub, valueOf } from './parts';
import { extraSpans, failedLookup, firstExact, nearMatches, spanRequests, usersByName } from './resolve';

export const SP_SELECT =
  'id,appId,displayName,appRoleAssignmentRequired,appRoles,tags,preferredSingleSignOnMode,applicationTemplateId,servicePrincipalType';

/** The user attributes scoping filters commonly test (docs/decision-trees.md, P3). */
export const USER_SELECT = [
  'id',
  'displayName',
  'userPrincipalName',
  'mail',
  'accountEnabled',
  'userType',
  'department',
  'jobTitle',
  'companyName',
  'country',
  'city',
  'state',
  'usageLocation',
  'employeeId',
  'employeeType',
  'officeLocation',
  'preferredLanguage',
  'mailNickname',
  'givenName',
  'surname',
  'onPremisesSyncEnabled',
  'onPremisesExtensionAttributes',
].join(',');

export const SP_MATCH_TOP = 10;

export function spExactUrl(name: string): string {
  return `/servicePrincipals${query({ $filter: filterEq('displayName', name), $select: SP_SELECT, $top: SP_MATCH_TOP })}`;
}
export function spPrefixUrl(name: string): string {
  return `/servicePrincipals${query({ $filter: filterStartsWith('displayName', name), $select: SP_SELECT, $top: SP_MATCH_TOP })}`;
}
export function spByAppIdUrl(appId: string): string {
  return `/servicePrincipals(appId=${literal(appId)})${query({ $select: SP_SELECT })}`;
}
export function spByIdUrl(id: string): string {
  return `/servicePrincipals/${encodePathSegment(id)}${query({ $select: SP_SELECT })}`;
}
export function applicationsUrl(nameOrAppId: string, byAppId: boolean): string {
  const filter = byAppId ? filterEq('appId', nameOrAppId) : filterEq('displayName', nameOrAppId);
  return `/applications${query({ $filter: filter, $select: 'id,appId,displayName', $top: 5 })}`;
}
export const USER_MATCH_TOP = 10;

/**
 * How the user the admin named is looked up. Graph keys users by object id or userPrincipalName only, so
 * `/users/{mail}` is a 404 whenever the mail differs from the UPN (guests, renamed users, alias addresses).
 * An object id → `/users/{id}`; an address → `$filter` on userPrincipalName, mail, otherMails and proxyAddresses
 * (each supported without advanced query parameters); anything else → `startswith(displayName,…)`, which also
 * returns the exact match (picked by the caller; the rest are offered as "did you mean").
 */
export function userLookupUrl(user: string, select: string = USER_SELECT): string {
  if (isGuid(user)) return `/users/${encodePathSegment(normalizeGuid(user))}${query({ $select: select })}`;
  const filter = looksLikeMail(user)
    ? [
        filterEq('userPrincipalName', user),
        filterEq('mail', user),
        `otherMails/any(m:${filterEq('m', user)})`,
        `proxyAddresses/any(p:${filterEq('p', `smtp:${user}`)})`,
      ].join(' or ')
    : filterStartsWith('displayName', user);
  return `/users${query({ $filter: filter, $select: select, $top: USER_MATCH_TOP })}`;
}

/** The user's groups by object id: an OData cast on (transitive)memberOf, so `$count=true` + EVENTUAL. */
export function userMemberOfUrl(userId: string, transitive: boolean): string {
  return `/users/${encodePathSegment(userId)}/${transitive ? 'transitiveMemberOf' : 'memberOf'}/microsoft.graph.group${query({ $select: 'id', $top: 999, $count: true })}`;
}

export function jobsUrl(spId: string): string {
  return `/servicePrincipals/${encodePathSegment(spId)}/synchronization/jobs`;
}
export function templatesUrl(spId: string): string {
  return `/servicePrincipals/${encodePathSegment(spId)}/synchronization/templates`;
}
export function assignmentsUrl(spId: string): string {
  return `/servicePrincipals/${encodePathSegment(spId)}/appRoleAssignedTo${query({
    $select: 'id,principalId,principalType,principalDisplayName,appRoleId,createdDateTime',
    $top: 999,
  })}`;
}
export function provisioningLogsUrl(spId: string, userId?: string): string {
  let filter = filterEq('servicePrincipal/id', spId);
  if (userId) filter += ` and ${filterEq('sourceIdentity/id', userId)}`;
  return `/auditLogs/provisioning${query({ $filter: filter, $top: 50 })}`;
}
export function schemaUrl(spId: string, jobId: string): string {
  return `/servicePrincipals/${encodePathSegment(spId)}/synchronization/jobs/${encodePathSegment(jobId)}/schema`;
}

/**
 * The job provisioning runs on: the one whose templateId is one of the app's connector templates (the default
 * template first); otherwise the first job. Undefined when there is none.
 */
export function pickMainJob(
  jobs: SynchronizationJob[],
  templates: SynchronizationTemplate[] | undefined,
): SynchronizationJob | undefined {
  if (jobs.length <= 1) return jobs[0];
  const lc = (s: string | null | undefined) => (s ?? '').toLowerCase();
  const ordered = [...(templates ?? [])].sort((a, b) => Number(!!b.default) - Number(!!a.default));
  for (const t of ordered) {
    const keys = new Set([lc(t.id), lc(t.factoryTag)].filter(Boolean));
    const job = jobs.find((j) => keys.has(lc(j.templateId)));
    if (job) return job;
  }
  return jobs[0];
}

type SpCandidate = Extract<AppResolution, { kind: 'many' }>['candidates'][number];
const spCandidate = (sp: ServicePrincipal): SpCandidate => ({ id: sp.id, appId: sp.appId, displayName: sp.displayName ?? null });

function lookupFailure(res: GraphResponse, url: string, text: string, caller: Caller): AppResolution {
  if (res.status === 404) return { kind: 'none', query: text, caller };
  return { kind: 'denied', failure: failedOf(res, 'GET', url), caller };
}

/**
 * The user RT1 found: one object (by id) or the best of a filtered collection; Read(null) when there is none.
 * A display name with several exact matches, or only prefix matches, is a choice for the admin (`many`).
 */
function foundUser(res: GraphResponse, user: string): Part<GraphUser | null> | { many: GraphUser[] } {
  const url = userLookupUrl(user);
  if (isGuid(user)) return res.status === 404 ? { ok: true, value: null } : partOf(res, 'GET', url, (b) => b as GraphUser);
  if (!looksLikeMail(user)) {
    if (!isSuccess(res.status)) return failedOf(res, 'GET', url);
    const { exact, prefix } = usersByName(res, user);
    if (exact.length === 1) return { ok: true, value: exact[0] };
    if (exact.length > 1) return { many: exact };
    return prefix.length > 0 ? { many: prefix } : { ok: true, value: null };
  }
  return partOf(res, 'GET', url, (b) => {
    const matches = valueOf<GraphUser>(b);
    const same = (v: string | null | undefined) => (v ?? '').toLowerCase() === user.toLowerCase();
    // An exact sign-in name first, then the primary address; otherwise the first match (alias, other mail).
    return matches.find((u) => same(u.userPrincipalName)) ?? matches.find((u) => same(u.mail)) ?? matches[0] ?? null;
  });
}

/** RT2 reads for the user's groups (by object id, once RT1 found the user). */
function userGroupRequests(userId: string): BatchRequest[] {
  return [
    { id: 'userGroups', method: 'GET', url: userMemberOfUrl(userId, false), headers: { ...EVENTUAL } },
    { id: 'userTransitiveGroups', method: 'GET', url: userMemberOfUrl(userId, true), headers: { ...EVENTUAL } },
  ];
}

function userFocus(user: string, found: Part<GraphUser | null>, r2: Map<string, GraphResponse>): UserFocus {
  if (!found.ok) return { query: user, user: found, directGroupIds: found, transitiveGroupIds: found };
  if (!found.value) return { query: user, user: found, directGroupIds: { ok: true, value: [] }, transitiveGroupIds: { ok: true, value: [] } };
  const id = found.value.id;
  return {
    query: user,
    user: found,
    directGroupIds: partOf(sub(r2, 'userGroups'), 'GET', userMemberOfUrl(id, false), idsOf),
    transitiveGroupIds: partOf(sub(r2, 'userTransitiveGroups'), 'GET', userMemberOfUrl(id, true), idsOf),
  };
}

/** Which service principal RT1 found, or the resolution to return instead. */
function pickServicePrincipal(
  responses: Map<string, GraphResponse>,
  byGuid: boolean,
  text: string,
  urls: { exact: string; byId: string },
  caller: Caller,
  fromSpans: () => ServicePrincipal | AppResolution | undefined,
): ServicePrincipal | AppResolution {
  if (byGuid) {
    const byAppId = sub(responses, 'sp');
    if (isSuccess(byAppId.status)) return byAppId.body as ServicePrincipal;
    const byId = sub(responses, 'spById');
    if (isSuccess(byId.status)) return byId.body as ServicePrincipal;
    // Neither found it: a 403 on either means we may simply not be allowed to see it.
    if (byAppId.status !== 404) return lookupFailure(byAppId, urls.exact, text, caller);
    if (byId.status !== 404 && byId.status !== 400) return lookupFailure(byId, urls.byId, text, caller);
    return registrationOrNone(responses, text, caller);
  }
  const exactRes = sub(responses, 'sp');
  if (!isSuccess(exactRes.status)) return lookupFailure(exactRes, urls.exact, text, caller);
  const exact = valueOf<ServicePrincipal>(exactRes.body);
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) return { kind: 'many', candidates: exact.map(spCandidate) };
  // Another span the admin wrote may be the app ("logs for Anna Berg in Salesforce"): the tenant decides.
  const other = fromSpans();
  if (other) return other;
  const prefixRes = sub(responses, 'spPrefix');
  const prefix = isSuccess(prefixRes.status) ? valueOf<ServicePrincipal>(prefixRes.body) : [];
  if (prefix.length > 0) return { kind: 'many', candidates: prefix.map(spCandidate), near: true };
  return registrationOrNone(responses, text, caller);
}

/** The app among the other spans: one exact match is it, several are a choice. */
function spFromSpans(responses: Map<string, GraphResponse>, spans: readonly string[]): ServicePrincipal | AppResolution | undefined {
  const match = firstExact<ServicePrincipal>(responses, 'spanSp', spans);
  if (!match) return undefined;
  return match.exact.length === 1 ? match.exact[0] : { kind: 'many', candidates: match.exact.map(spCandidate) };
}

/** No span is an app: `none` (query '': nothing named), or `denied` when a lookup could not be read. */
function spansFailure(responses: Map<string, GraphResponse>, spans: readonly string[], caller: Caller): AppResolution {
  const i = spans.findIndex((_, n) => failedLookup(sub(responses, `spanSp${n}`)));
  return i < 0 ? { kind: 'none', query: '', caller } : lookupFailure(sub(responses, `spanSp${i}`), spPrefixUrl(spans[i]), spans[i], caller);
}

type UserPick = { query: string; found: Part<GraphUser | null> } | { many: GraphUser[]; query: string } | undefined;

/** The user: the one typed at "Which user?", else the first other span that is exactly one user in the tenant. */
function pickUser(r1: Map<string, GraphResponse>, user: string | undefined, spans: readonly string[], appName: string | null | undefined): UserPick {
  if (user) {
    const found = foundUser(sub(r1, 'user'), user);
    return 'many' in found ? { many: found.many, query: user } : { query: user, found };
  }
  const match = firstExact<GraphUser>(r1, 'spanUser', spans, appName ?? undefined);
  if (!match) return undefined;
  return match.exact.length === 1 ? { query: match.span, found: { ok: true, value: match.exact[0] } } : { many: match.exact, query: match.span };
}

function registrationOrNone(responses: Map<string, GraphResponse>, text: string, caller: Caller): AppResolution {
  const apps = sub(responses, 'apps');
  const found = isSuccess(apps.status) ? valueOf<ApplicationRegistration>(apps.body) : [];
  if (found.length > 0) {
    const a = found[0];
    return { kind: 'registrationOnly', application: { id: a.id, appId: a.appId, displayName: a.displayName ?? null }, caller };
  }
  return { kind: 'none', query: text, caller };
}

/**
 * Resolves the app (display name, appId or service principal object id) and, when `user` is given (UPN, mail,
 * display name or object id), that user's attributes and group memberships; then reads the provisioning state.
 * `spans` are the other names in the admin's question: each is looked up as an app and as a user in RT1, and the
 * tenant decides which is which. ≤ 3 round trips.
 */
export async function resolveApp(
  api: GraphApi,
  target: { app?: string; user?: string; spans?: readonly string[] },
  clock: Clock,
): Promise<AppResolution> {
  const text = target.app?.trim() ?? '';
  const user = target.user?.trim() || undefined;
  const byGuid = text !== '' && isGuid(text);
  const key = byGuid ? normalizeGuid(text) : text;
  // The other spans may be the app; when there are any, the typed "app" may be a person too.
  const appSpans = extraSpans(target.spans, [text, user]).filter((s) => !isGuid(s));
  const userSpans = user || (text && appSpans.length === 0) ? [] : extraSpans([...(byGuid ? [] : [text]), ...appSpans], []);

  // ---- RT1
  const exactUrl = byGuid ? spByAppIdUrl(key) : spExactUrl(key);
  const byIdUrl = spByIdUrl(key);
  const rt1: BatchRequest[] = [rolesRequest()];
  if (text) {
    rt1.push(
      { id: 'sp', method: 'GET', url: exactUrl },
      byGuid ? { id: 'spById', method: 'GET', url: byIdUrl } : { id: 'spPrefix', method: 'GET', url: spPrefixUrl(key) },
      { id: 'apps', method: 'GET', url: applicationsUrl(key, byGuid) },
    );
  }
  if (user) rt1.push({ id: 'user', method: 'GET', url: userLookupUrl(user) });
  rt1.push(...spanRequests('spanSp', appSpans, spPrefixUrl), ...spanRequests('spanUser', userSpans, userLookupUrl));
  const r1 = await api.batch(rt1);
  const caller = callerFrom(sub(r1, 'roles'));
  const picked = text
    ? pickServicePrincipal(r1, byGuid, text, { exact: exactUrl, byId: byIdUrl }, caller, () => spFromSpans(r1, appSpans))
    : spFromSpans(r1, appSpans) ?? spansFailure(r1, appSpans, caller);
  if ('kind' in picked) {
    if (picked.kind !== 'none' || !text || byGuid) return picked;
    // Nothing by that name, appId or prefix: offer the closest apps ("did you mean"), one more round trip.
    const near = await nearMatches<ServicePrincipal>(api, 'servicePrincipals', text, 'id,appId,displayName');
    return near.length > 0 ? { kind: 'many', candidates: near.map(spCandidate), near: true } : picked;
  }
  const servicePrincipal: ServicePrincipal = { ...picked, displayName: picked.displayName ?? null };
  const userPick = pickUser(r1, user, userSpans, servicePrincipal.displayName);
  if (userPick && 'many' in userPick) {
    return { kind: 'manyUsers', query: userPick.query, candidates: userPick.many.map((u) => ({ id: u.id, displayName: u.displayName ?? null, userPrincipalName: u.userPrincipalName ?? null })) };
  }
  const found = userPick?.found;
  const userId = found?.ok && found.value ? found.value.id : undefined;

  // ---- RT2
  const spId = servicePrincipal.id;
  const logsUrl = provisioningLogsUrl(spId, userId);
  const r2 = await api.batch([
    { id: 'jobs', method: 'GET', url: jobsUrl(spId) },
    { id: 'templates', method: 'GET', url: templatesUrl(spId) },
    { id: 'assignments', method: 'GET', url: assignmentsUrl(spId) },
    { id: 'logs', method: 'GET', url: logsUrl },
    ...(userId ? userGroupRequests(userId) : []),
  ]);
  const jobs = partOf(sub(r2, 'jobs'), 'GET', jobsUrl(spId), (b) => valueOf<SynchronizationJob>(b));
  const templates = partOf(sub(r2, 'templates'), 'GET', templatesUrl(spId), (b) => valueOf<SynchronizationTemplate>(b));
  const snapshot: AppSnapshot = {
    fetchedAt: clock.now().toISOString(),
    caller,
    servicePrincipal,
    jobs,
    templates,
    assignments: partOf(sub(r2, 'assignments'), 'GET', assignmentsUrl(spId), (b) => valueOf<AppRoleAssignment>(b)),
    logs: partOf(sub(r2, 'logs'), 'GET', logsUrl, (b) =>
      valueOf<ProvisioningObjectSummary>(b).sort((a, z) => (z.activityDateTime ?? '').localeCompare(a.activityDateTime ?? '')),
    ),
  };
  if (userPick && found) snapshot.user = userFocus(userPick.query, found, r2);

  // ---- RT3 (only with a job)
  const main = jobs.ok ? pickMainJob(jobs.value, templates.ok ? templates.value : undefined) : undefined;
  if (main) {
    snapshot.schemaJobId = main.id;
    snapshot.schema = (await api.get<SynchronizationSchema>(schemaUrl(spId, main.id))) as Part<SynchronizationSchema>;
  }
  return { kind: 'one', snapshot };
}
