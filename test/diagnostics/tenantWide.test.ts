/**
 * diagnoseTenantWide, pure: the tenant's answer to "is sync healthy?", "which groups have licence errors?" and
 * "which apps are in quarantine?", with what could not be read said plainly. Texts in English and Norwegian.
 */
import { fixedClock } from '../../src/clock';
import { diagnoseTenantWide } from '../../src/diagnostics/tenantWide';
import type { HealthSnapshot, SynchronizationJob } from '../../src/diagnostics/snapshot';
import type { Text } from '../../src/diagnostics/types';
import { t } from '../../src/i18n';

const clock = fixedClock('2026-11-21T09:00:00Z');
const denied = { ok: false as const, status: 403, code: 'Authorization_RequestDenied', request: 'GET /x' };
const notRead = { ok: false as const, status: 0, code: 'notRequested' };

function health(over: Partial<HealthSnapshot> = {}): HealthSnapshot {
  return {
    fetchedAt: clock.now().toISOString(),
    organization: { ok: true, value: { id: 'org', displayName: 'Contoso Nordic AS', onPremisesSyncEnabled: true, onPremisesLastSyncDateTime: '2026-11-21T08:40:00Z' } },
    licenseGroups: notRead,
    syncErrorGroups: notRead,
    apps: notRead,
    jobs: [],
    licenseErrorCounts: {},
    ...over,
  };
}

const job = (code: string, extra: Partial<SynchronizationJob['status']> = {}): SynchronizationJob => ({ id: 'j', templateId: 't', status: { code, ...extra } });
const say = (lang: 'en' | 'nb', x: Text) => t(lang, x.key, x.params ?? {});

describe('tenant-wide answers', () => {
  it('sync: fresh sync, the groups with sync errors by name, and where users’ sync errors are listed', () => {
    const d = diagnoseTenantWide('group.sync_errors', 'sync', health({ syncErrorGroups: { ok: true, value: [{ id: 'g1', displayName: 'Innkjøp Bergen' }] } }), clock);
    expect(d.subject).toEqual({ kind: 'tenant', id: 'org', displayName: 'Contoso Nordic AS' });
    expect(d.findings.map((f) => f.id)).toEqual(['T5.groups', 'T4.connectTools', 'T1.fresh']);
    expect(say('en', d.findings[0].title)).toBe('1 group has a directory-sync error: Innkjøp Bergen.');
    expect(say('nb', d.findings[0].title)).toBe('1 gruppe har en feil i katalogsynkroniseringen: Innkjøp Bergen.');
  });

  it('sync: none, and a list that could not be read is an unchecked line, not "none"', () => {
    const none = diagnoseTenantWide('group.sync_errors', 'sync', health({ syncErrorGroups: { ok: true, value: [] } }), clock);
    expect(none.findings.map((f) => f.id)).toContain('T5.none');
    const hidden = diagnoseTenantWide('group.sync_errors', 'sync', health({ syncErrorGroups: denied }), clock);
    expect(hidden.findings.map((f) => f.id)).not.toContain('T5.none');
    expect(hidden.unchecked.map((u) => u.id)).toEqual(['T5']);
  });

  it('licences: every group with how many members are affected', () => {
    const d = diagnoseTenantWide(
      'group.delete_licensed',
      'licenses',
      health({ licenseGroups: { ok: true, value: [{ id: 'a', displayName: 'Lisens E3 Ansatte' }, { id: 'b', displayName: 'Lisens Power BI Pro' }] }, licenseErrorCounts: { a: 3, b: 1 } }),
      clock,
    );
    expect(d.findings).toHaveLength(1);
    expect(d.findings[0].evidence).toEqual({ 'groups?$filter=hasMembersWithLicenseErrors eq true': 'Lisens E3 Ansatte (3), Lisens Power BI Pro (1)', 'membersWithLicenseErrors@count': 4 });
    expect(say('en', d.findings[0].title)).toBe('2 groups have members with licence errors: Lisens E3 Ansatte (3), Lisens Power BI Pro (1).');
    expect(say('nb', d.findings[0].detail!)).toContain('(4 i alt)');
  });

  it('apps: each quarantined job with its reason and fix, failed runs as warnings, healthy apps left out', () => {
    const s = health({
      apps: { ok: true, value: [{ id: '1', displayName: 'ServiceNow' }, { id: '2', displayName: 'Miro' }, { id: '3', displayName: 'Slack' }] },
      jobs: [
        { app: { id: '1', displayName: 'ServiceNow' }, jobs: [job('Quarantine', { quarantine: { reason: 'EncounteredQuarantineException', currentBegan: '2026-11-21T03:00:00Z', nextAttempt: null, seriesBegan: null, seriesCount: 1, error: { code: 'HttpUnauthorized', message: '401' } } })] },
        { app: { id: '2', displayName: 'Miro' }, jobs: [job('Active', { lastExecution: { state: 'Failed', timeBegan: null, timeEnded: null } })] },
        { app: { id: '3', displayName: 'Slack' }, jobs: [job('Active')] },
      ],
    });
    const d = diagnoseTenantWide('provisioning.config_error', 'apps', s, clock);
    expect(d.findings.map((f) => f.id)).toEqual(['T7.quarantine', 'T7.failed']);
    expect(d.findings[0].detail?.key).toBe('provisioning.quarantine.reason.credentials');
    expect(d.findings[0].fix[0].params).toMatchObject({ app: 'ServiceNow' });
    expect(say('nb', d.findings[1].title)).toBe('Den siste klargjøringssyklusen for Miro mislyktes.');
  });

  it('apps: all fine says so; jobs that could not be read are never "all fine"', () => {
    const fine = diagnoseTenantWide('provisioning.config_error', 'apps', health({ apps: { ok: true, value: [{ id: '3' }] }, jobs: [{ app: { id: '3', displayName: 'Slack' }, jobs: [job('Active')] }] }), clock);
    expect(fine.findings.map((f) => f.id)).toEqual(['T7.none']);
    expect(say('en', fine.findings[0].title)).toBe("The tenant's only provisioning job is running: no quarantine and no failed run.");
    const hidden = diagnoseTenantWide('provisioning.config_error', 'apps', health({ apps: { ok: true, value: [{ id: '3' }] }, jobs: [], jobFailure: denied }), clock);
    expect(hidden.findings).toEqual([]);
    expect(hidden.unchecked.map((u) => u.id)).toEqual(['T7']);
  });
});
