/**
 * The tenant-wide reads behind "tenant health" (watch/health.ts) and the live check's tenant-wide answers
 * ("is directory sync healthy right now?", "which groups have users with licence errors?", "which apps are in
 * quarantine?"), in at most 2 Graph round trips:
 *  RT1  $batch: organization (sync freshness), groups with members in licence errors, groups with directory sync
 *       errors (onPremisesProvisioningErrors; Graph can filter groups on it, not users — the vendored Learn rules
 *       refuse `any()` there, so users' sync errors stay with Connect Health), the tenant's enterprise apps.
 *  RT2  $batch: the provisioning jobs of up to HEALTH_MAX_APPS of those apps, and how many members of each group
 *       with licence errors have one (up to LICENSE_GROUPS_COUNTED groups).
 * `parts` reads only what the question needs (default: everything). Works with the admin's delegated token or the
 * watcher's own access (nothing under /me).
 */
import type { Clock } from '../clock';
import type { HealthSnapshot, Named, Part, SynchronizationJob } from '../diagnostics/snapshot';

export type { HealthSnapshot, Named } from '../diagnostics/snapshot';
import { HEALTH_APPS_READ } from '../diagnostics/tenantWide';
import { jobsUrl } from './appSnapshot';
import type { BatchRequest, GraphApi } from './client';
import { isSuccess } from './errors';
import { ORGANIZATION_URL, organizationPart } from './groupSnapshot';
import { encodePathSegment, query } from './odata';
import { failedOf, partOf, sub, valueOf } from './parts';

/** Jobs are read for at most this many enterprise apps (two $batch chunks); the diagnosis says when there are more. */
export const HEALTH_MAX_APPS = HEALTH_APPS_READ;
/** Members with licence errors are counted for at most this many groups. */
export const LICENSE_GROUPS_COUNTED = 10;

/**
 * Groups with members in licence errors, tenant-wide. Filtering on hasMembersWithLicenseErrors works WITHOUT
 * advanced query parameters and fails with them (Learn, group resource), so no ConsistencyLevel header here.
 */
export const LICENCE_ERROR_GROUPS_URL = `/groups${query({ $filter: 'hasMembersWithLicenseErrors eq true', $select: 'id,displayName', $top: 999 })}`;
export const SYNC_ERROR_GROUPS_URL = `/groups${query({ $filter: "onPremisesProvisioningErrors/any(e:e/category eq 'PropertyConflict')", $select: 'id,displayName', $top: 999 })}`;
export const APPS_URL = `/servicePrincipals${query({ $filter: "tags/any(t:t eq 'WindowsAzureActiveDirectoryIntegratedApp')", $select: 'id,displayName', $top: 999 })}`;

/** The members of a group whose licence from it is in error: ids only, for the count. */
export function licenseErrorCountUrl(groupId: string): string {
  return `/groups/${encodePathSegment(groupId)}/membersWithLicenseErrors${query({ $select: 'id', $top: 999 })}`;
}

export type HealthPart = 'sync' | 'syncErrors' | 'licenses' | 'apps';
export const ALL_HEALTH_PARTS: readonly HealthPart[] = ['sync', 'syncErrors', 'licenses', 'apps'];

const NOT_READ: Part<never> = { ok: false, status: 0, code: 'notRequested', message: 'Not read for this question.' };

export async function fetchHealth(api: GraphApi, clock: Clock, parts: readonly HealthPart[] = ALL_HEALTH_PARTS): Promise<HealthSnapshot> {
  const want = new Set(parts);
  const urls = { licGroups: LICENCE_ERROR_GROUPS_URL, errGroups: SYNC_ERROR_GROUPS_URL, apps: APPS_URL };
  const r1 = await api.batch([
    ...(want.has('sync') ? [{ id: 'org', method: 'GET', url: ORGANIZATION_URL }] : []),
    ...(want.has('licenses') ? [{ id: 'licGroups', method: 'GET', url: urls.licGroups }] : []),
    ...(want.has('syncErrors') ? [{ id: 'errGroups', method: 'GET', url: urls.errGroups }] : []),
    ...(want.has('apps') ? [{ id: 'apps', method: 'GET', url: urls.apps }] : []),
  ]);
  const list = (id: keyof typeof urls, needed: HealthPart): Part<Named[]> => (want.has(needed) ? partOf(sub(r1, id), 'GET', urls[id], (b) => valueOf<Named>(b)) : NOT_READ);
  const apps = list('apps', 'apps');
  const licenseGroups = list('licGroups', 'licenses');
  const checked = apps.ok ? apps.value.slice(0, HEALTH_MAX_APPS) : [];
  const counted = licenseGroups.ok ? licenseGroups.value.slice(0, LICENSE_GROUPS_COUNTED) : [];
  const rt2: BatchRequest[] = [
    ...checked.map((a, i) => ({ id: `jobs${i}`, method: 'GET', url: jobsUrl(a.id) })),
    ...counted.map((g, i) => ({ id: `lic${i}`, method: 'GET', url: licenseErrorCountUrl(g.id) })),
  ];
  const r2 = rt2.length > 0 ? await api.batch(rt2) : new Map();
  const jobs = checked
    .map((app, i) => {
      const res = r2.get(`jobs${i}`);
      return { app, jobs: res && isSuccess(res.status) ? valueOf<SynchronizationJob>(res.body) : [] };
    })
    .filter((a) => a.jobs.length > 0);
  const failedJobs = checked.map((a, i) => ({ a, res: r2.get(`jobs${i}`) })).find(({ res }) => !res || !isSuccess(res.status));
  const licenseErrorCounts: Record<string, number> = {};
  counted.forEach((g, i) => {
    const res = r2.get(`lic${i}`);
    if (res && isSuccess(res.status)) licenseErrorCounts[g.id] = valueOf(res.body).length;
  });
  return {
    fetchedAt: clock.now().toISOString(),
    organization: want.has('sync') ? organizationPart(sub(r1, 'org')) : NOT_READ,
    licenseGroups,
    syncErrorGroups: list('errGroups', 'syncErrors'),
    apps,
    jobs,
    ...(failedJobs ? { jobFailure: failedOf(sub(r2, `jobs${checked.indexOf(failedJobs.a)}`), 'GET', jobsUrl(failedJobs.a.id)) } : {}),
    licenseErrorCounts,
  };
}
