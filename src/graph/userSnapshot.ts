/**
 * User snapshot (issue #8: a user's directory-sync errors and licences): find the user the admin named — display
 * name, UPN, mail or object id, the same lookups as the app family (appSnapshot.userLookupUrl) — and read everything
 * the user diagnosis needs, in at most 2 Graph round trips:
 *
 *  RT1  $batch: caller roles, organization (sync freshness), subscribedSkus (product names), one user lookup per
 *       span with every property the diagnosis reads, and one group lookup per span (so "the licence from <group>"
 *       names its group, and a question that names only a group is handed to the group check).
 *  RT2  $batch, only when needed: the groups that assign the user's licences (`/groups/{id}?$select=id,displayName`,
 *       one GET per group: valid v1.0 inside $batch, unlike a POST to directoryObjects/getByIds that needs a body
 *       per part for the same answer) and, per directory-sync conflict, the other objects holding the value
 *       (`userPrincipalName eq`; `proxyAddresses/any(…)` on users and groups with ConsistencyLevel: eventual and
 *       $count=true, as Learn's advanced-query table lists for the lambda on proxyAddresses).
 *
 * A part that can't be read becomes a `Failed` in the snapshot; nothing here throws for one sub-request.
 */
import type { Clock } from '../clock';
import type {
  ConflictLookup,
  DirectoryUser,
  GraphGroup,
  Part,
  SubscribedSku,
  UserResolution,
  UserSnapshot,
  ValueHolder,
} from '../diagnostics/snapshot';
import { userLookupUrl } from './appSnapshot';
import type { BatchRequest, GraphApi } from './client';
import { type GraphResponse, isSuccess } from './errors';
import { groupExactUrl, ORGANIZATION_URL, organizationPart, SUBSCRIBED_SKUS_URL } from './groupSnapshot';
import { encodePathSegment, filterEq, isGuid, looksLikeMail, query } from './odata';
import { callerFrom, EVENTUAL, failedOf, partOf, rolesRequest, sub, valueOf } from './parts';
import { exactOf, extraSpans, failedLookup, usersByName } from './resolve';

/** Every v1.0 user property the user diagnosis reads (all declared on microsoft.graph.user in v1.0). */
export const USER_DIAGNOSIS_SELECT = [
  'id',
  'displayName',
  'userPrincipalName',
  'mail',
  'proxyAddresses',
  'usageLocation',
  'accountEnabled',
  'assignedLicenses',
  'licenseAssignmentStates',
  'onPremisesSyncEnabled',
  'onPremisesLastSyncDateTime',
  'onPremisesImmutableId',
  'onPremisesProvisioningErrors',
  'serviceProvisioningErrors',
].join(',');

const HOLDER_TOP = 5;

export function groupNameUrl(id: string): string {
  return `/groups/${encodePathSegment(id)}${query({ $select: 'id,displayName' })}`;
}

/** Users whose sign-in name is the value (a default filter: no advanced query parameters). */
export function upnHolderUrl(value: string): string {
  return `/users${query({ $filter: filterEq('userPrincipalName', value), $select: 'id,displayName,userPrincipalName', $top: HOLDER_TOP })}`;
}

/** Users or groups with the address among their proxyAddresses (sent with EVENTUAL: Learn lists the lambda as advanced). */
export function proxyHolderUrl(kind: 'users' | 'groups', address: string): string {
  const select = kind === 'users' ? 'id,displayName,userPrincipalName' : 'id,displayName';
  return `/${kind}${query({ $filter: `proxyAddresses/any(p:${filterEq('p', address)})`, $select: select, $count: true, $top: HOLDER_TOP })}`;
}

/** The kinds of sync conflict whose holder Graph can find. */
export function conflictKind(property: string | null | undefined): 'upn' | 'proxy' | undefined {
  const p = (property ?? '').toLowerCase();
  if (p === 'userprincipalname') return 'upn';
  if (p === 'proxyaddresses' || p === 'proxyaddress') return 'proxy';
  return undefined;
}

/** "SMTP:Ola@contoso.no" and "ola@contoso.no" both look for the smtp address as Graph stores it (case-insensitive). */
export function asProxyAddress(value: string): string {
  const v = value.trim();
  return /^[a-z0-9]+:/i.test(v) ? v : `smtp:${v}`;
}

/** The user a span names: exactly one, several (a choice), or none. */
function pickUser(res: GraphResponse, span: string): DirectoryUser[] | { prefix: DirectoryUser[] } {
  if (!isSuccess(res.status)) return [];
  if (isGuid(span)) return [res.body as DirectoryUser];
  if (looksLikeMail(span)) return valueOf<DirectoryUser>(res.body);
  const { exact, prefix } = usersByName(res, span);
  return exact.length > 0 ? (exact as DirectoryUser[]) : { prefix: prefix as DirectoryUser[] };
}

export interface UserSubjectRequest {
  /** Spans that may name the user (typed user first), in the admin's order. */
  spans: readonly string[];
  /** A group typed as one ("the licence from <group>"): looked up as a group only. */
  group?: string;
  /** A span that is exactly one group wins over a user ("adding Anna Berg to Salg Oslo fails" is about the group). */
  preferGroup?: boolean;
}

/**
 * Finds the user among the spans and reads their snapshot. `none` (with the group's id when exactly one span is a
 * group) lets the caller hand the question to the group check.
 */
export async function resolveUserSubject(api: GraphApi, req: UserSubjectRequest, clock: Clock): Promise<UserResolution> {
  const spans = extraSpans(req.spans, [req.group]);
  const groupSpans = extraSpans([...(req.group ? [req.group] : []), ...spans.filter((s) => !isGuid(s))], []);
  const r1 = await api.batch([
    rolesRequest(),
    { id: 'org', method: 'GET', url: ORGANIZATION_URL },
    { id: 'skus', method: 'GET', url: SUBSCRIBED_SKUS_URL },
    ...spans.map((s, i) => ({ id: `user${i}`, method: 'GET', url: userLookupUrl(s, USER_DIAGNOSIS_SELECT) })),
    ...groupSpans.map((s, i) => ({ id: `group${i}`, method: 'GET', url: groupExactUrl(s) })),
  ]);
  const caller = callerFrom(sub(r1, 'roles'));
  const groups = groupSpans.map((s, i) => exactOf<GraphGroup>(sub(r1, `group${i}`), s));

  const oneGroup = groups.find((g) => g.length === 1)?.[0];
  if (req.preferGroup && oneGroup) return { kind: 'none', groupId: oneGroup.id };

  let prefixOnly: { span: string; users: DirectoryUser[] } | undefined;
  let user: DirectoryUser | undefined;
  for (let i = 0; i < spans.length && !user; i++) {
    const res = sub(r1, `user${i}`);
    const picked = pickUser(res, spans[i]);
    if (Array.isArray(picked)) {
      if (picked.length > 1) return { kind: 'many', query: spans[i], candidates: picked.map(candidate) };
      user = picked[0];
    } else if (picked.prefix.length > 0 && !prefixOnly) prefixOnly = { span: spans[i], users: picked.prefix };
  }
  if (!user) {
    if (oneGroup) return { kind: 'none', groupId: oneGroup.id };
    // A name nobody has exactly: "did you mean" the people whose name starts with it (only when no span is a group).
    if (prefixOnly && !groups.some((g) => g.length > 0)) return { kind: 'many', query: prefixOnly.span, candidates: prefixOnly.users.map(candidate) };
    const failed = spans.findIndex((_, i) => failedLookup(sub(r1, `user${i}`)));
    if (failed >= 0) return { kind: 'denied', failure: failedOf(sub(r1, `user${failed}`), 'GET', userLookupUrl(spans[failed], USER_DIAGNOSIS_SELECT)), caller };
    return { kind: 'none' };
  }

  const focus = req.group ? groups[0]?.[0] : oneGroup;
  const snapshot: UserSnapshot = {
    fetchedAt: clock.now().toISOString(),
    caller,
    user,
    organization: organizationPart(sub(r1, 'org')),
    subscribedSkus: partOf(sub(r1, 'skus'), 'GET', SUBSCRIBED_SKUS_URL, (b) => valueOf<SubscribedSku>(b)),
    licenseGroups: {},
    conflicts: [],
    ...(focus ? { focusGroup: { id: focus.id, displayName: focus.displayName ?? null } } : {}),
  };
  await readDetails(api, snapshot);
  return { kind: 'one', snapshot };
}

function candidate(u: DirectoryUser) {
  return { id: u.id, displayName: u.displayName ?? null, userPrincipalName: u.userPrincipalName ?? null };
}

interface ConflictPlan {
  property: string;
  value: string;
  requests: BatchRequest[];
}

/** RT2: the licensing groups' names and the holders of each conflicting value; skipped when nothing is needed. */
async function readDetails(api: GraphApi, s: UserSnapshot): Promise<void> {
  const groupIds = [...new Set((s.user.licenseAssignmentStates ?? []).map((l) => l.assignedByGroup).filter((id): id is string => Boolean(id)))];
  const plans: ConflictPlan[] = [];
  for (const e of s.user.onPremisesProvisioningErrors ?? []) {
    const kind = conflictKind(e.propertyCausingError);
    if (!kind || !e.value) continue;
    const n = plans.length;
    const requests: BatchRequest[] =
      kind === 'upn'
        ? [{ id: `holder${n}u`, method: 'GET', url: upnHolderUrl(e.value) }]
        : [
            { id: `holder${n}u`, method: 'GET', url: proxyHolderUrl('users', asProxyAddress(e.value)), headers: { ...EVENTUAL } },
            { id: `holder${n}g`, method: 'GET', url: proxyHolderUrl('groups', asProxyAddress(e.value)), headers: { ...EVENTUAL } },
          ];
    plans.push({ property: e.propertyCausingError ?? '', value: e.value, requests });
  }
  const batch: BatchRequest[] = [
    ...groupIds.map((id, i) => ({ id: `lic${i}`, method: 'GET', url: groupNameUrl(id) })),
    ...plans.flatMap((p) => p.requests),
  ];
  if (batch.length === 0) return;
  const r2 = await api.batch(batch);
  groupIds.forEach((id, i) => {
    s.licenseGroups[id.toLowerCase()] = partOf(sub(r2, `lic${i}`), 'GET', groupNameUrl(id), (b) => {
      const g = b as { id: string; displayName?: string | null };
      return { id: g.id, displayName: g.displayName ?? null };
    });
  });
  s.conflicts = plans.map((p): ConflictLookup => ({ property: p.property, value: p.value, holders: holdersOf(r2, p, s.user.id) }));
}

/** Every object other than the user that answered the plan's lookups; a Failed when one lookup couldn't be read. */
function holdersOf(r2: Map<string, GraphResponse>, plan: ConflictPlan, userId: string): Part<ValueHolder[]> {
  const out: ValueHolder[] = [];
  for (const req of plan.requests) {
    const res = sub(r2, req.id);
    if (!isSuccess(res.status)) return failedOf(res, req.method, req.url);
    const kind = req.id.endsWith('g') ? 'group' : 'user';
    for (const o of valueOf<{ id: string; displayName?: string | null; userPrincipalName?: string | null }>(res.body)) {
      if (o.id.toLowerCase() === userId.toLowerCase()) continue;
      out.push({ id: o.id, kind, displayName: o.displayName ?? null, ...(kind === 'user' ? { userPrincipalName: o.userPrincipalName ?? null } : {}) });
    }
  }
  return { ok: true, value: out };
}
