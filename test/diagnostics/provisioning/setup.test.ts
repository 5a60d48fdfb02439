import { diagnoseApp, diagnoseResolution } from '../../../src/diagnostics/provisioning';
import { read } from '../../../src/diagnostics/snapshot';
import { clock, denied, snapshot } from './builders';
import { finding, ids, run } from './helpers';
import { RESOLUTIONS } from './scenarios';

describe('P0/P1 – "how do I set up provisioning for this app?"', () => {
  test('an admin asks about an app that has no synchronization template: there is no provisioning connector', () => {
    const d = run('setup: app without a provisioning connector');
    expect(d.findings[0].id).toBe('P0.noConnector');
    expect(d.findings[0].severity).toBe('blocker');
    expect(d.findings[0].evidence['synchronization/templates']).toBe(0);
    expect(d.findings[0].fix).toHaveLength(3);
    expect(finding(d, 'P1.tutorial').learnMore).toBe('https://learn.microsoft.com/entra/identity/saas-apps/tutorial-list');
  });

  test('Salesforce was added from the gallery but provisioning never configured: the set-up steps and the Salesforce tutorial', () => {
    const d = run('setup: Salesforce added but never configured');
    const f = finding(d, 'P0.neverConfigured');
    expect(f.fix.map((x) => x.key)).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `provisioning.P0.neverConfigured.fix.${i}`));
    expect(f.evidence['synchronization/jobs']).toBe(0);
    expect(finding(d, 'P1.tutorial').learnMore).toBe('https://learn.microsoft.com/entra/identity/saas-apps/salesforce-provisioning-tutorial');
    expect(ids(d)).toContain('P1.cycleTimes');
    expect(d.subject).toEqual({ kind: 'app', id: 'sp-sf', displayName: 'Salesforce' });
    expect(d.checkedAt).toBe('2025-03-10T12:00:00Z');
  });

  test('a job that exists with status NotConfigured also counts as never configured', () => {
    const d = run('setup: job exists with status NotConfigured');
    expect(finding(d, 'P0.neverConfigured').evidence['status.code']).toBe('NotConfigured');
  });

  test('an app that is already configured: an ok verdict with the job state', () => {
    const d = run('setup: already configured Box app');
    const f = finding(d, 'P1.configured');
    expect(f.severity).toBe('ok');
    expect(f.evidence['status.code']).toBe('Active');
    expect(finding(d, 'P1.tutorial').learnMore).toContain('box-userprovisioning-tutorial');
  });

  test('Workday is flagged as inbound provisioning', () => {
    expect(ids(run('setup: Workday (inbound) never configured'))).toContain('P1.inbound');
  });

  test('a Global Reader is told specifically that the role cannot read provisioning settings', () => {
    const d = run('setup: Global Reader asks how Box is set up');
    const f = finding(d, 'P0.globalReader');
    expect(f.severity).toBe('warning');
    expect(f.fix[2].key).toBe('provisioning.P0.globalReader.fix.3');
    expect(d.unchecked.find((u) => u.id === 'P0')?.why.key).toBe('provisioning.unchecked.globalReader');
    expect(ids(d)).toContain('P1.steps');
  });

  test('someone without an app admin role (not Global Reader) gets the generic roles-and-scopes explanation', () => {
    const d = diagnoseApp('provisioning.setup', snapshot({ roles: ['groupsAdministrator'], jobs: denied(), templates: denied() }), clock);
    expect(ids(d)).not.toContain('P0.globalReader');
    const why = d.unchecked.find((u) => u.id === 'P0')!.why;
    expect(why).toEqual({ key: 'diag.unchecked.denied', params: { roles: 'Application Administrator, Cloud Application Administrator', scopes: 'Synchronization.Read.All' } });
  });

  test('a Global Reader who also holds Application Administrator is not blamed on Global Reader', () => {
    const d = diagnoseApp('provisioning.setup', snapshot({ roles: ['globalReader', 'applicationAdministrator'], jobs: denied(), templates: denied() }), clock);
    expect(ids(d)).not.toContain('P0.globalReader');
  });

  test('jobs that could not be read are not reported as "never configured"', () => {
    const d = diagnoseApp('provisioning.no_users', snapshot({ jobs: { ok: false, status: 0, code: 'timeout' }, templates: read([{ id: 'BoxOutDelta' }]) }), clock);
    expect(ids(d)).not.toContain('P0.neverConfigured');
    expect(d.unchecked.find((u) => u.id === 'P0')?.why.key).toBe('diag.unchecked.timeout');
  });
});

describe('resolving the app the admin named', () => {
  test('no enterprise app by that name → P0.notFound', () => {
    const d = diagnoseResolution(RESOLUTIONS[0].resolution, 'provisioning.setup', clock)!;
    expect(d.findings[0]).toMatchObject({ id: 'P0.notFound', severity: 'blocker', title: { params: { query: 'Zoomm' } } });
  });

  test('an app registration only → explain that it is not provisioning-enabled', () => {
    const d = diagnoseResolution(RESOLUTIONS[1].resolution, 'provisioning.setup', clock)!;
    expect(d.findings[0].id).toBe('P0.registrationOnly');
    expect(d.findings[0].evidence['application.appId']).toBe('client-1');
    expect(d.findings[0].learnMore).toBe('https://learn.microsoft.com/entra/identity/app-provisioning/known-issues');
  });

  test('the lookup itself was denied → a could-not-check entry naming Application.Read.All or Directory.Read.All', () => {
    const d = diagnoseResolution(RESOLUTIONS[2].resolution, 'provisioning.no_users', clock)!;
    expect(d.unchecked[0].why).toMatchObject({ key: 'diag.unchecked.denied', params: { scopes: 'Application.Read.All, Directory.Read.All' } });
    expect(d.topic).toBe('provisioning.no_users');
  });

  test('several apps match → no diagnosis (the dialog lets the admin choose); one app → the app diagnosis', () => {
    expect(diagnoseResolution({ kind: 'many', candidates: [{ id: '1', appId: 'a', displayName: 'Box' }, { id: '2', appId: 'b', displayName: 'Box (test)' }] })).toBeUndefined();
    const one = diagnoseResolution({ kind: 'one', snapshot: snapshot() }, 'provisioning.setup', clock)!;
    expect(one.findings.some((f) => f.id === 'P1.configured')).toBe(true);
  });
});
