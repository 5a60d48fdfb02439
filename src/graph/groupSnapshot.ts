/**
 * Group snapshot (docs/decision-trees.md, group family): resolve what the admin typed (display name, mail address or
 * object id) and read everything the group diagnoses need, in at most 2 Graph round trips:
 *
 *  RT1  one $batch: caller roles, owned groups, the group lookup (by id, or exact name/mail/mailNickname plus a
 *       startswith fallback), organization, subscribedSkus — and membersWithLicenseErrors when the id is known.
 *  RT2  only for a group found by name/mail that has licences assigned: membersWithLicenseErrors.
 *
 * A part that can't be read becomes a `Failed` in the snapshot; nothing here throws for one sub-request.
 */
import type { Clock } from '../clock';
import type {
  Caller,
  GraphGroup,
  GroupResolution,
  GroupSnapshot,
  LicenseErrorMember,
  Organization,
  Part,
  SubscribedSku,
} from '../diagnostics/snapshot';
import type { BatchRequest, GraphApi } from './client';
import { type GraphResponse, isSuccess } from './errors';
import { encodePathSegment, filterEq, filterStartsWith, isGuid, normalizeGuid, query } from './odata';
import { callerFrom, failedOf, idsOf, partOf, rolesRequest, sub, valueOf } from './parts';
import { extraSpans, failedLookup, firstExact, nearMatches, spanRequests } from './resolve';

/** Every v1.0 group property the diagnoses read (docs/decision-trees.md, group family). */
export const GROUP_SELECT = [
  'id',
  'displayName',
  'description',
  'mail',
  'mailNickname',
  'mailEnabled',
  'securityEnabled',
  'groupTypes',
  'membershipRule',
  'membershipRuleProcessingState',
  'isAssignableToRole',
  'onPremisesSyncEnabled',
  'onPremisesLastSyncDateTime',
  'onPremisesProvisioningErrors',
  'onPremisesSamAccountName',
  'onPremisesSecurityIdentifier',
  'proxyAddresses',
  'assignedLicenses',
  'licenseProcessingState',
  'createdDateTime',
  'resourceProvisioningOptions',
].join(',');

export const OWNED_GROUPS_URL = '/me/ownedObjects/microsoft.graph.group?$select=id&$top=999';
export const ORGANIZATION_URL = '/organization?$select=id,displayName,onPremisesSyncEnabled,onPremisesLastSyncDateTime';
export const SUBSCRIBED_SKUS_URL = '/subscribedSkus?$select=skuId,skuPartNumber,capabilityStatus,consumedUnits,prepaidUnits';
/** How many name matches we ask for; more than one exact match is a choice for the admin anyway. */
export const GROUP_MATCH_TOP = 10;

export function groupByIdUrl(id: string): string {
  return `/groups/${encodePathSegment(id)}${query({ $select: GROUP_SELECT })}`;
}

export function groupExactUrl(text: string): string {
  const filter = [filterEq('displayName', text), filterEq('mail', text), filterEq('mailNickname', text)].join(' or ');
  return `/groups${query({ $filter: filter, $select: GROUP_SELECT, $top: GROUP_MATCH_TOP })}`;
}

export function groupPrefixUrl(text: string): string {
  return `/groups${query({ $filter: filterStartsWith('displayName', text), $select: GROUP_SELECT, $top: GROUP_MATCH_TOP })}`;
}

export function licenseErrorsUrl(groupId: string): string {
  return `/groups/${encodePathSegment(groupId)}/membersWithLicenseErrors/microsoft.graph.user${query({
    $select: 'id,displayName,userPrincipalName,usageLocation,licenseAssignmentStates',
  })}`;
}

/** The reads every group diagnosis shares (RT1 companions of the lookup). */
function commonRequests(): BatchRequest[] {
  return [
    rolesRequest(),
    { id: 'owned', method: 'GET', url: OWNED_GROUPS_URL },
    { id: 'org', method: 'GET', url: ORGANIZATION_URL },
    { id: 'skus', method: 'GET', url: SUBSCRIBED_SKUS_URL },
  ];
}

type Candidate = Extract<GroupResolution, { kind: 'many' }>['candidates'][number];

function candidate(g: GraphGroup): Candidate {
  return {
    id: g.id,
    displayName: g.displayName ?? null,
    mail: g.mail ?? null,
    onPremisesSyncEnabled: g.onPremisesSyncEnabled ?? null,
    groupTypes: g.groupTypes ?? [],
    mailEnabled: g.mailEnabled ?? null,
    securityEnabled: g.securityEnabled ?? null,
  };
}

function normalizeGroup(raw: unknown): GraphGroup {
  const g = raw as GraphGroup;
  return { ...g, groupTypes: Array.isArray(g.groupTypes) ? g.groupTypes : [] };
}

function buildSnapshot(
  clock: Clock,
  responses: Map<string, GraphResponse>,
  caller: Caller,
  group: GraphGroup,
  licenseErrors: Part<LicenseErrorMember[]>,
): GroupSnapshot {
  return {
    fetchedAt: clock.now().toISOString(),
    caller,
    ownedGroupIds: partOf(sub(responses, 'owned'), 'GET', OWNED_GROUPS_URL, idsOf),
    group,
    organization: organizationPart(sub(responses, 'org')),
    subscribedSkus: partOf(sub(responses, 'skus'), 'GET', SUBSCRIBED_SKUS_URL, (b) => valueOf<SubscribedSku>(b)),
    membersWithLicenseErrors: licenseErrors,
  };
}

export function organizationPart(res: GraphResponse): Part<Organization> {
  if (!isSuccess(res.status)) return failedOf(res, 'GET', ORGANIZATION_URL);
  const org = valueOf<Organization>(res.body)[0];
  if (!org) return { ok: false, status: 404, code: 'Request_ResourceNotFound', message: 'No organization returned.', request: 'GET /organization' };
  return { ok: true, value: { ...org, onPremisesSyncEnabled: org.onPremisesSyncEnabled ?? null, onPremisesLastSyncDateTime: org.onPremisesLastSyncDateTime ?? null } };
}

function licenseErrorsPart(res: GraphResponse, groupId: string): Part<LicenseErrorMember[]> {
  return partOf(res, 'GET', licenseErrorsUrl(groupId), (b) => valueOf<LicenseErrorMember>(b));
}

/**
 * The outcome of the group lookup sub-request when it failed. 404 → none. Anything else (403, throttled after
 * retries, 5xx, timeout) → `denied`, whose `failure` keeps the real status/code (403 = really denied; 0 /
 * 'timeout', 429, 5xx = could not be checked right now).
 */
function lookupFailure(res: GraphResponse, url: string, text: string, caller: Caller): GroupResolution {
  if (res.status === 404) return { kind: 'none', query: text, caller };
  return { kind: 'denied', failure: failedOf(res, 'GET', url), caller };
}

/** No span is a group: `none` (query '': nothing named), or `denied` when a lookup could not be read. */
function spansFailure(responses: Map<string, GraphResponse>, spans: readonly string[], caller: Caller): GroupResolution {
  const i = spans.findIndex((_, n) => failedLookup(sub(responses, `spanGroup${n}`)));
  return i < 0 ? { kind: 'none', query: '', caller } : lookupFailure(sub(responses, `spanGroup${i}`), groupExactUrl(spans[i]), spans[i], caller);
}

/** Fetches one group by object id with everything the diagnoses need: exactly 1 round trip. */
export async function fetchGroupById(api: GraphApi, id: string, clock: Clock): Promise<GroupResolution> {
  const groupId = normalizeGuid(id);
  const url = groupByIdUrl(groupId);
  const responses = await api.batch([
    ...commonRequests(),
    { id: 'group', method: 'GET', url },
    { id: 'licenseErrors', method: 'GET', url: licenseErrorsUrl(groupId) },
  ]);
  const caller = callerFrom(sub(responses, 'roles'));
  const groupRes = sub(responses, 'group');
  if (!isSuccess(groupRes.status)) return lookupFailure(groupRes, url, id, caller);
  const group = normalizeGroup(groupRes.body);
  return {
    kind: 'one',
    snapshot: buildSnapshot(clock, responses, caller, group, licenseErrorsPart(sub(responses, 'licenseErrors'), group.id)),
  };
}

/**
 * Resolves a display name (apostrophes and Norwegian letters are fine), mail address or object id to a group
 * and reads its snapshot: at most 2 round trips. `spans` are the other names in the admin's question; each is
 * looked up as a group in the same first round trip, so "adding people to Salg Oslo fails" finds the group whichever
 * word came before it. With no `text`, the group is the first span that is one in the tenant.
 */
export async function resolveGroup(api: GraphApi, text: string | undefined, clock: Clock, spans?: readonly string[]): Promise<GroupResolution> {
  const wanted = text?.trim() ?? '';
  if (wanted && isGuid(wanted)) return fetchGroupById(api, wanted, clock);
  const others = extraSpans(spans, [wanted]).filter((s) => !isGuid(s));

  const exactUrl = groupExactUrl(wanted);
  const prefixUrl = groupPrefixUrl(wanted);
  const responses = await api.batch([
    ...commonRequests(),
    ...(wanted
      ? [
          { id: 'group', method: 'GET', url: exactUrl },
          { id: 'groupPrefix', method: 'GET', url: prefixUrl },
        ]
      : []),
    ...spanRequests('spanGroup', others, groupExactUrl),
  ]);
  const caller = callerFrom(sub(responses, 'roles'));
  const fromSpans = (): GroupResolution | GraphGroup | undefined => {
    const match = firstExact<GraphGroup>(responses, 'spanGroup', others);
    if (!match) return undefined;
    const groups = match.exact.map(normalizeGroup);
    return groups.length === 1 ? groups[0] : { kind: 'many', candidates: groups.map(candidate) };
  };

  let picked: GroupResolution | GraphGroup | undefined;
  if (!wanted) {
    picked = fromSpans() ?? spansFailure(responses, others, caller);
  } else {
    const exactRes = sub(responses, 'group');
    if (!isSuccess(exactRes.status)) return lookupFailure(exactRes, exactUrl, wanted, caller);
    const exact = valueOf<unknown>(exactRes.body).map(normalizeGroup);
    if (exact.length > 1) return { kind: 'many', candidates: exact.map(candidate) };
    if (exact.length === 1) picked = exact[0];
    else {
      picked = fromSpans();
      if (!picked) {
        // Only now does the startswith answer matter; it is offered as a choice ("did you mean …?"), never taken silently.
        const prefixRes = sub(responses, 'groupPrefix');
        const prefix = isSuccess(prefixRes.status) ? valueOf<unknown>(prefixRes.body).map(normalizeGroup) : [];
        if (prefix.length > 0) return { kind: 'many', candidates: prefix.map(candidate), near: true };
        const near = await nearMatches<GraphGroup>(api, 'groups', wanted, GROUP_SELECT);
        if (near.length > 0) return { kind: 'many', candidates: near.map(normalizeGroup).map(candidate), near: true };
        return { kind: 'none', query: wanted, caller };
      }
    }
  }
  if ('kind' in picked) return picked;

  const group = picked;
  let licenseErrors: Part<LicenseErrorMember[]>;
  if (Array.isArray(group.assignedLicenses) && group.assignedLicenses.length === 0) {
    // No licence is assigned through this group, so no member can have a licence error from it: skip RT2.
    licenseErrors = { ok: true, value: [] };
  } else {
    const rt2 = await api.get<{ value?: LicenseErrorMember[] }>(licenseErrorsUrl(group.id));
    licenseErrors = rt2.ok ? { ok: true, value: rt2.value?.value ?? [] } : rt2;
  }
  return { kind: 'one', snapshot: buildSnapshot(clock, responses, caller, group, licenseErrors) };
}
