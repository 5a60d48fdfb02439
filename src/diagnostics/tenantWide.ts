/**
 * Tenant-wide answers, when the admin names nothing and asks about the whole tenant (issue #8):
 *  - sync:     "is directory sync healthy right now?" → T1 sync freshness, T5 groups with directory-sync errors, and
 *              where users' sync errors are listed (T4: Graph can't filter users on them).
 *  - licenses: "which groups have users with licence errors?" → T6 the groups, with how many members each.
 *  - apps:     "which apps are in quarantine?" / "are all my provisioning jobs healthy?" → T7 each quarantined or
 *              failing provisioning job, with the reason and the fix.
 * Pure: a HealthSnapshot (graph/tenantHealth.ts) and a Clock in, a Diagnosis out.
 */
import type { Clock } from '../clock';
import type { IssueIntent, TenantScope } from '../topics';
import { NEEDS as GROUP_NEEDS } from './group/requirements';
import { connectToolsFinding, tenantSyncFinding } from './group/tenant';
import { capList, form, tx } from './group/text';
import { LEARN } from './group/links';
import { isQuarantined } from './provisioning/job';
import { NEEDS as APP_NEEDS } from './provisioning/access';
import { explainQuarantine } from './provisioning/quarantine';
import type { Failed, HealthSnapshot, Named, Part, SynchronizationJob } from './snapshot';
import { sortFindings, type Diagnosis, type Finding, type Unchecked } from './types';
import { unchecked } from './unchecked';

/** How many enterprise apps' jobs the tenant-wide read looks at (graph/tenantHealth.ts HEALTH_MAX_APPS). */
export const HEALTH_APPS_READ = 40;

const QUARANTINE_LEARN = 'https://learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-quarantine-status';

/** The parts of the tenant each scope reads (the organization always: it names the tenant). */
export const SCOPE_PARTS: Record<TenantScope, ('sync' | 'syncErrors' | 'licenses' | 'apps')[]> = {
  sync: ['sync', 'syncErrors'],
  licenses: ['sync', 'licenses'],
  apps: ['sync', 'apps'],
};

/** Evidence keys: the Graph query that answered, as the admin could run it in Graph Explorer. */
const SYNC_ERROR_GROUPS = "groups?$filter=onPremisesProvisioningErrors/any(e:e/category eq 'PropertyConflict')";
const LICENSE_ERROR_GROUPS = 'groups?$filter=hasMembersWithLicenseErrors eq true';

const nameOf = (x: Named) => x.displayName?.trim() || x.id;
const failedPart = (p: Part<unknown>): p is Failed => !p.ok && p.code !== 'notRequested';

function syncFindings(s: HealthSnapshot, clock: Clock): Finding[] {
  const out: Finding[] = [];
  if (s.organization.ok) out.push(tenantSyncFinding(s.organization.value, clock));
  if (s.syncErrorGroups.ok) {
    const groups = s.syncErrorGroups.value;
    out.push(
      groups.length > 0
        ? {
            id: 'T5.groups',
            severity: 'warning',
            title: tx(`tenant.t5.groups.title.${form(groups.length)}`, { count: groups.length, names: capList(groups.map(nameOf), 5) }),
            detail: tx('tenant.t5.groups.detail'),
            evidence: { [SYNC_ERROR_GROUPS]: capList(groups.map(nameOf)) },
            fix: [1, 2].map((i) => tx(`tenant.t5.groups.fix.${i}`)),
            learnMore: LEARN.duplicateAttributeResiliency,
          }
        : { id: 'T5.none', severity: 'ok', title: tx('tenant.t5.none.title'), evidence: { [SYNC_ERROR_GROUPS]: 0 }, fix: [] },
    );
  }
  out.push(connectToolsFinding());
  return out;
}

function licenseFindings(s: HealthSnapshot): Finding[] {
  if (!s.licenseGroups.ok) return [];
  const groups = s.licenseGroups.value;
  if (groups.length === 0) return [{ id: 'T6.none', severity: 'ok', title: tx('tenant.t6.none.title'), evidence: { [LICENSE_ERROR_GROUPS]: 0 }, fix: [] }];
  const listed = groups.map((g) => (s.licenseErrorCounts[g.id] !== undefined ? `${nameOf(g)} (${s.licenseErrorCounts[g.id]})` : nameOf(g)));
  const people = Object.values(s.licenseErrorCounts).reduce((a, b) => a + b, 0);
  return [
    {
      id: 'T6.groups',
      severity: 'warning',
      title: tx(`tenant.t6.groups.title.${form(groups.length)}`, { count: groups.length, names: capList(listed, 5) }),
      detail: tx('tenant.t6.groups.detail', { people }),
      evidence: { [LICENSE_ERROR_GROUPS]: capList(listed), 'membersWithLicenseErrors@count': people },
      fix: [1, 2, 3].map((i) => tx(`tenant.t6.groups.fix.${i}`, { first: nameOf(groups[0]) })),
      learnMore: LEARN.licensingResolve,
    },
  ];
}

/** The job a tenant-wide view judges an app by: a configured one first. */
function mainJob(jobs: SynchronizationJob[]): SynchronizationJob {
  return jobs.find((j) => j.status?.code && j.status.code !== 'NotConfigured') ?? jobs[0];
}

function appFindings(s: HealthSnapshot): Finding[] {
  if (!s.apps.ok) return [];
  const out: Finding[] = [];
  for (const { app, jobs } of s.jobs) {
    const job = mainJob(jobs);
    const name = nameOf(app);
    const q = job.status?.quarantine;
    if (isQuarantined(job)) {
      const why = explainQuarantine(q?.reason, { app: name, message: q?.error?.message ?? '-' });
      out.push({
        id: 'T7.quarantine',
        severity: 'blocker',
        title: q?.currentBegan ? tx('tenant.t7.quarantine.title', { app: name, since: q.currentBegan }) : tx('tenant.t7.quarantine.titleNoTime', { app: name }),
        detail: why.detail,
        evidence: {
          app: name,
          'status.code': job.status.code,
          'status.quarantine.reason': q?.reason ?? null,
          'status.quarantine.currentBegan': q?.currentBegan ?? null,
          'status.quarantine.error.code': q?.error?.code ?? null,
        },
        fix: why.fix,
        learnMore: QUARANTINE_LEARN,
      });
    } else if (job.status?.lastExecution?.state === 'Failed' || (job.status?.countSuccessiveCompleteFailures ?? 0) > 0) {
      out.push({
        id: 'T7.failed',
        severity: 'warning',
        title: tx('tenant.t7.failed.title', { app: name }),
        detail: tx('tenant.t7.failed.detail', { app: name, code: job.status.lastExecution?.error?.code ?? '-' }),
        evidence: { app: name, 'status.lastExecution.state': job.status.lastExecution?.state ?? null, 'status.countSuccessiveCompleteFailures': job.status.countSuccessiveCompleteFailures ?? null },
        fix: [tx('tenant.t7.failed.fix.1', { app: name })],
        learnMore: QUARANTINE_LEARN,
      });
    }
  }
  if (out.length === 0 && !s.jobFailure) {
    out.push({ id: 'T7.none', severity: 'ok', title: tx(`tenant.t7.none.title.${form(s.jobs.length)}`, { count: s.jobs.length }), evidence: { 'synchronization/jobs': s.jobs.length }, fix: [] });
  }
  if (s.apps.value.length > HEALTH_APPS_READ) {
    out.push({ id: 'T7.more', severity: 'info', title: tx('tenant.t7.more.title', { total: s.apps.value.length }), evidence: { servicePrincipals: s.apps.value.length }, fix: [] });
  }
  return out;
}

function tenantUnchecked(s: HealthSnapshot, scope: TenantScope): Unchecked[] {
  const out: Unchecked[] = [];
  if (scope === 'sync' && failedPart(s.organization)) out.push(unchecked('T1', tx('group.unchecked.organization'), s.organization, GROUP_NEEDS.organization));
  if (failedPart(s.syncErrorGroups)) out.push(unchecked('T5', tx('tenant.unchecked.syncErrorGroups'), s.syncErrorGroups, GROUP_NEEDS.group));
  if (failedPart(s.licenseGroups)) out.push(unchecked('T6', tx('tenant.unchecked.licenseGroups'), s.licenseGroups, GROUP_NEEDS.membersWithLicenseErrors));
  if (failedPart(s.apps)) out.push(unchecked('T7', tx('tenant.unchecked.apps'), s.apps, APP_NEEDS.jobs));
  if (s.jobFailure) out.push(unchecked('T7', tx('tenant.unchecked.jobs'), s.jobFailure, APP_NEEDS.jobs));
  return out;
}

export function diagnoseTenantWide(topic: IssueIntent, scope: TenantScope, s: HealthSnapshot, clock: Clock): Diagnosis {
  const findings = scope === 'sync' ? syncFindings(s, clock) : scope === 'licenses' ? licenseFindings(s) : appFindings(s);
  const org = s.organization.ok ? s.organization.value : undefined;
  return {
    topic,
    subject: { kind: 'tenant', id: org?.id, displayName: org?.displayName ?? 'Microsoft Entra ID' },
    findings: sortFindings(findings),
    unchecked: tenantUnchecked(s, scope),
    checkedAt: s.fetchedAt || clock.now().toISOString(),
  };
}
