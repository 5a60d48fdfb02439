/** Tree G4 – sync errors: T1 tenant freshness (§4.4 thresholds), T3 per-object errors, T4 pointer. */
import { ageKey, diagnoseGroup, freshness, tenantSyncFinding } from '../../../src/diagnostics/group';
import type { Organization } from '../../../src/diagnostics/snapshot';
import { t } from '../../../src/i18n';
import { clock, daysAgo, failed, group, hoursAgo, ids, minutesAgo, snapshot, syncedGroup } from './builders';

const org = (last: string | null, enabled: boolean | null = true): Organization => ({
  id: 'org-1',
  onPremisesSyncEnabled: enabled,
  onPremisesLastSyncDateTime: last,
});

describe('T1 – tenant sync freshness', () => {
  it.each([
    ['synced 12 minutes ago', minutesAgo(12), 'T1.fresh', 'ok'],
    ['synced exactly 60 minutes ago', minutesAgo(60), 'T1.fresh', 'ok'],
    ['synced 61 minutes ago', minutesAgo(61), 'T1.late', 'warning'],
    ['synced 3 hours ago', hoursAgo(3), 'T1.late', 'warning'],
    ['synced exactly 24 hours ago', hoursAgo(24), 'T1.late', 'warning'],
    ['synced 24 hours and a minute ago', minutesAgo(24 * 60 + 1), 'T1.stale', 'blocker'],
    ['synced exactly 7 days ago', daysAgo(7), 'T1.stale', 'blocker'],
    ['synced 9 days ago', daysAgo(9), 'T1.critical', 'blocker'],
  ])('a tenant %s is %s', (_label, last, id, severity) => {
    const f = tenantSyncFinding(org(last), clock);
    expect([f.id, f.severity]).toEqual([id, severity]);
    expect(f.evidence).toEqual({ onPremisesSyncEnabled: true, onPremisesLastSyncDateTime: last });
    expect(f.fix.length > 0).toBe(id !== 'T1.fresh');
  });

  it('a tenant that never synced (null) and one with sync turned off (false) are told apart', () => {
    expect(tenantSyncFinding(org(null, null), clock).id).toBe('T1.never');
    const off = tenantSyncFinding(org(daysAgo(2), false), clock);
    expect(off.id).toBe('T1.off');
    expect(t('en', off.detail!.key)).toContain('72 hours');
  });

  it('sync switched on with no completed cycle is a warning', () => {
    const f = tenantSyncFinding(org(null, true), clock);
    expect([f.id, f.severity, f.title.key]).toEqual(['T1.never', 'warning', 'group.t1.noCycle.title']);
  });

  it('says the age in words, singular and plural, in both languages', () => {
    const late = tenantSyncFinding(org(hoursAgo(3)), clock);
    expect(t('en', late.title.key, late.title.params)).toContain('3 hours ago');
    expect(t('nb', late.title.key, late.title.params)).toContain('3 timer siden');
    const critical = tenantSyncFinding(org(daysAgo(9)), clock);
    expect(t('en', critical.title.key, critical.title.params)).toContain('9 days ago');
    expect(t('nb', critical.title.key, critical.title.params)).toContain('9 dager siden');
    const one = ageKey(60_000);
    expect(t('en', one.key, { count: one.count })).toContain('1 minute ago');
    expect(t('nb', one.key, { count: one.count })).toContain('1 minutt siden');
    expect(ageKey(90 * 60_000)).toEqual({ key: 'group.age.minute.other', count: 90 });
    expect(ageKey(47 * 3_600_000)).toEqual({ key: 'group.age.hour.other', count: 47 });
    expect(ageKey(-5000)).toEqual({ key: 'group.age.minute.other', count: 0 });
  });

  it('uses exactly the §4.4 boundaries', () => {
    const H = 3_600_000;
    expect([freshness(H), freshness(H + 1), freshness(24 * H), freshness(24 * H + 1), freshness(168 * H), freshness(168 * H + 1)]).toEqual([
      'fresh',
      'late',
      'late',
      'stale',
      'stale',
      'critical',
    ]);
  });
});

describe('G4 – an admin asks about sync errors for a group', () => {
  it('a synced group with a UPN conflict gets the conflict with its value and time, tenant freshness and where to find the rest', () => {
    const g = syncedGroup({
      onPremisesProvisioningErrors: [
        { category: 'PropertyConflict', occurredDateTime: '2026-03-08T22:10:00Z', propertyCausingError: 'UserPrincipalName', value: 'sales@contoso.com' },
      ],
    });
    const d = diagnoseGroup('group.sync_errors', snapshot(g, { org: { onPremisesLastSyncDateTime: hoursAgo(3) } }), clock);
    // The group's own conflict answers the question; the late tenant sync follows, then where to find the rest.
    // Every other group check ran too and sits below (G1.1 is information here: nobody asked to change the group).
    expect(ids(d).slice(0, 3)).toEqual(['T3.propertyConflict', 'T1.late', 'T4.connectTools']);
    expect(d.findings.find((f) => f.id === 'G1.1.synced')?.severity).toBe('info');
    const t3 = d.findings[0];
    expect(t3.title.key).toBe('group.t3.conflict.upn.title');
    expect(t3.evidence).toEqual({
      'onPremisesProvisioningErrors[].category': 'PropertyConflict',
      'onPremisesProvisioningErrors[].propertyCausingError': 'UserPrincipalName',
      'onPremisesProvisioningErrors[].value': 'sales@contoso.com',
      'onPremisesProvisioningErrors[].occurredDateTime': '2026-03-08T22:10:00Z',
    });
    expect(d.findings[2].learnMore).toBe('https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-health-sync');
  });

  it('an unknown error category is shown as-is, not explained', () => {
    const g = syncedGroup({ onPremisesProvisioningErrors: [{ category: 'SomethingElse', occurredDateTime: null, propertyCausingError: 'Mail', value: 'x' }] });
    const d = diagnoseGroup('group.sync_errors', snapshot(g), clock);
    expect(ids(d)).toContain('T3.other');
  });

  it('a synced group without errors gets "no errors" and the pointer to Connect Health', () => {
    const d = diagnoseGroup('group.sync_errors', snapshot(syncedGroup()), clock);
    expect(ids(d).slice(0, 3)).toEqual(['T3.none', 'T1.fresh', 'T4.connectTools']);
  });

  it('a cloud group is told Connect errors do not concern it', () => {
    const d = diagnoseGroup('group.sync_errors', snapshot(group(), { org: { onPremisesSyncEnabled: null, onPremisesLastSyncDateTime: null } }), clock);
    expect(ids(d).slice(0, 4)).toEqual(['G4.notSynced', 'T3.none', 'T1.never', 'T4.connectTools']);
    expect(d.findings[0].title.key).toBe('group.g4.notSynced.cloud.title');
  });

  it('when the organisation cannot be read there is no T1 verdict, only an unchecked entry', () => {
    const d = diagnoseGroup('group.sync_errors', snapshot(syncedGroup(), { org: failed(403, 'Authorization_RequestDenied', 'GET /organization') }), clock);
    expect(ids(d).some((id) => id.startsWith('T1'))).toBe(false);
    expect(d.unchecked[0]).toEqual({
      id: 'T1',
      what: { key: 'group.unchecked.organization' },
      why: { key: 'diag.unchecked.denied', params: { roles: 'Directory Readers, Global Reader', scopes: 'User.Read' } },
    });
  });
});
