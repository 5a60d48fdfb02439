/**
 * What a watch reads from Graph (sub-requests of the poll's one $batch; app-only compatible: nothing under /me) and
 * the pure step from those answers to an Observation, reusing the live check's own diagnoses: tenant sync
 * freshness with the watch bands (T1), the provisioning job's state (P2/P3), members with licence errors (L4/L5).
 */
import type { Clock } from '../clock';
import { WATCH_BANDS, tenantSyncFinding } from '../diagnostics/group';
import { licenseErrorFindings } from '../diagnostics/group/licensing';
import { makeContext } from '../diagnostics/provisioning/context';
import { jobStateChecks } from '../diagnostics/provisioning/job';
import type { AppSnapshot, Failed, GraphGroup, LicenseErrorMember, SynchronizationJob } from '../diagnostics/snapshot';
import type { Finding } from '../diagnostics/types';
import type { BatchRequest } from '../graph';
import { type GraphResponse, isSuccess, requestLabel, toFailed } from '../graph/errors';
import { jobsUrl } from '../graph/appSnapshot';
import { ORGANIZATION_URL, licenseErrorsUrl, organizationPart } from '../graph/groupSnapshot';
import { LICENCE_ERROR_GROUPS_URL } from '../graph/tenantHealth';
import { valueOf } from '../graph/parts';
import type { Observation, Watch } from './model';

export { LICENCE_ERROR_GROUPS_URL } from '../graph/tenantHealth';

/** The sub-requests one watch needs; ids are shared by watches that read the same thing (deduplicated per poll). */
export function watchRequests(watch: Watch): BatchRequest[] {
  switch (watch.kind) {
    case 'sync':
      return [{ id: 'org', method: 'GET', url: ORGANIZATION_URL }];
    case 'provisioning':
      return watch.subject ? [{ id: `jobs-${watch.subject.id}`, method: 'GET', url: jobsUrl(watch.subject.id) }] : [];
    case 'licence':
      return watch.subject
        ? [{ id: `lic-${watch.subject.id}`, method: 'GET', url: licenseErrorsUrl(watch.subject.id) }]
        : [{ id: 'licGroups', method: 'GET', url: LICENCE_ERROR_GROUPS_URL }];
  }
}

function unknown(res: GraphResponse, req: BatchRequest, additive: boolean): Observation {
  const failed: Failed = toFailed(res, requestLabel(req.method, req.url));
  return { level: 'unknown', items: [], additive, failure: `${failed.status} ${failed.code}` };
}

function observeSync(res: GraphResponse, clock: Clock): Observation {
  const org = organizationPart(res);
  if (!org.ok) return { level: 'unknown', items: [], additive: false, failure: `${org.status} ${org.code}` };
  const finding = tenantSyncFinding(org.value, clock, WATCH_BANDS);
  const since = org.value.onPremisesLastSyncDateTime ?? undefined;
  if (finding.severity === 'ok' || finding.severity === 'info') return { level: 'ok', items: [], additive: false, since, finding };
  return { level: finding.severity === 'blocker' ? 'bad' : 'warning', items: [finding.id], additive: false, since, finding };
}

/** The job's state as the live check judges it (topic config_error): quarantine is bad, a failed run a warning. */
function observeJobs(watch: Watch, jobs: SynchronizationJob[], clock: Clock): Observation {
  const sp = watch.subject!;
  const unread: Failed = { ok: false, status: 0, code: 'notRead', message: 'Not read by the watcher.', request: '' };
  const snap: AppSnapshot = {
    fetchedAt: clock.now().toISOString(),
    caller: { roles: unread },
    servicePrincipal: { id: sp.id, appId: sp.id, displayName: sp.displayName },
    jobs: { ok: true, value: jobs },
    templates: unread,
    assignments: unread,
    logs: unread,
  };
  const ctx = makeContext('provisioning.config_error', snap, clock);
  jobStateChecks(ctx, { errors: true, initialSeverity: 'info', healthy: null });
  const problems = ctx.findings.filter((f) => f.severity === 'blocker' || f.id === 'P2.lastRunFailed');
  const worst = problems.find((f) => f.severity === 'blocker') ?? problems[0];
  const status = ctx.job?.status;
  if (!worst) return { level: 'ok', items: [], additive: false };
  const quarantined = worst.id.startsWith('P2.quarantine');
  const since = quarantined ? (status?.quarantine?.currentBegan ?? status?.quarantine?.seriesBegan ?? undefined) : (status?.lastExecution?.timeBegan ?? undefined);
  return { level: worst.severity === 'blocker' ? 'bad' : 'warning', items: problems.map((f) => f.id), additive: false, since: since ?? undefined, finding: worst as Finding };
}

function observeGroupLicenses(watch: Watch, members: LicenseErrorMember[]): Observation {
  const g = { id: watch.subject!.id, displayName: watch.subject!.displayName } as GraphGroup;
  const unread: Failed = { ok: false, status: 0, code: 'notRead', message: 'Not read by the watcher.', request: '' };
  const findings = licenseErrorFindings(g, members, unread);
  if (findings.length === 0) return { level: 'ok', items: [], additive: true };
  const sorted = [...members].sort((a, b) => a.id.localeCompare(b.id));
  return {
    level: 'warning',
    items: sorted.map((m) => `${g.id}/${m.id}`),
    labels: sorted.map((m) => m.userPrincipalName || m.displayName || m.id),
    additive: true,
    finding: findings.find((f) => f.id.startsWith('L5.')) ?? findings[0],
  };
}

function observeTenantLicenses(groups: { id: string; displayName?: string | null }[]): Observation {
  if (groups.length === 0) return { level: 'ok', items: [], additive: true };
  const sorted = [...groups].sort((a, b) => a.id.localeCompare(b.id));
  return { level: 'warning', items: sorted.map((g) => g.id), labels: sorted.map((g) => g.displayName ?? g.id), additive: true };
}

/** The observation for one watch from the poll's answers (keyed by sub-request id). */
export function observe(watch: Watch, responses: Map<string, GraphResponse>, clock: Clock): Observation {
  const [req] = watchRequests(watch);
  if (!req) return { level: 'unknown', items: [], additive: false, failure: 'nothing to read' };
  const res = responses.get(req.id);
  const additive = watch.kind === 'licence';
  if (!res || !isSuccess(res.status)) return res ? unknown(res, req, additive) : { level: 'unknown', items: [], additive, failure: 'no answer' };
  switch (watch.kind) {
    case 'sync':
      return observeSync(res, clock);
    case 'provisioning':
      return observeJobs(watch, valueOf<SynchronizationJob>(res.body), clock);
    case 'licence':
      return watch.subject ? observeGroupLicenses(watch, valueOf<LicenseErrorMember>(res.body)) : observeTenantLicenses(valueOf<{ id: string; displayName?: string }>(res.body));
  }
}
