import { fixedClock } from '../../src/clock';
import { SAMPLE, SYNC_AGE, createSampleDataset, startSampleTenant, type SampleTenant } from '../../src/sampleTenant';
import { clock, get, start } from './helpers';

describe('the tenant’s last directory sync is relative to the injected clock (T1 branches)', () => {
  it.each([
    ['fresh', SYNC_AGE.fresh, '2025-03-14T09:10:00Z'],
    ['late', SYNC_AGE.late, '2025-03-14T06:30:00Z'],
    ['stale', SYNC_AGE.stale, '2025-03-13T03:30:00Z'],
    ['critical', SYNC_AGE.critical, '2025-03-05T09:30:00Z'],
  ])('%s sync', (_name, minutes, expected) => {
    const ds = createSampleDataset(clock, { lastSyncMinutesAgo: minutes });
    expect(ds.organization.onPremisesSyncEnabled).toBe(true);
    expect(ds.organization.onPremisesLastSyncDateTime).toBe(expected);
    expect(ds.groups.find((g) => g.id === SAMPLE.groups.synced.id)!.onPremisesLastSyncDateTime).toBe(expected);
  });

  it('a tenant that never synced has null sync properties', () => {
    const ds = createSampleDataset(clock, { lastSyncMinutesAgo: null });
    expect(ds.organization.onPremisesSyncEnabled).toBeNull();
    expect(ds.organization.onPremisesLastSyncDateTime).toBeNull();
  });

  it('moving the clock moves every time with it', () => {
    const later = createSampleDataset(fixedClock('2026-01-01T00:00:00Z'));
    expect(later.organization.onPremisesLastSyncDateTime).toBe('2025-12-31T23:40:00Z');
  });
});

describe('every decision-tree branch has an object in the sample tenant', () => {
  let tenant: SampleTenant;
  beforeAll(async () => {
    tenant = await start();
  });
  afterAll(() => tenant.close());

  const group = async (id: string) =>
    (await get(tenant, 'ga', `/groups/${id}?$select=displayName,mailEnabled,securityEnabled,groupTypes,membershipRuleProcessingState,isAssignableToRole,onPremisesSyncEnabled,assignedLicenses,licenseProcessingState`)).body;

  it('group types: mail-enabled security, distribution, Microsoft 365, dynamic On/Paused, role-assignable', async () => {
    const G = SAMPLE.groups;
    expect(await group(G.mailEnabledSecurity.id)).toEqual(expect.objectContaining({ mailEnabled: true, securityEnabled: true, groupTypes: [] }));
    expect(await group(G.distribution.id)).toEqual(expect.objectContaining({ mailEnabled: true, securityEnabled: false, groupTypes: [] }));
    expect(await group(G.microsoft365.id)).toEqual(expect.objectContaining({ groupTypes: ['Unified'], mailEnabled: true }));
    expect((await group(G.dynamicOn.id)).membershipRuleProcessingState).toBe('On');
    expect((await group(G.dynamicPaused.id)).membershipRuleProcessingState).toBe('Paused');
    expect((await group(G.roleAssignable.id)).isAssignableToRole).toBe(true);
    expect((await group(G.cloudSecurity.id)).onPremisesSyncEnabled).toBeNull();
  });

  it('licensing: processing states and an unlicensed synced group', async () => {
    const G = SAMPLE.groups;
    expect((await group(G.licensedProcessing.id)).licenseProcessingState).toEqual({ state: 'ProcessingInProgress' });
    expect((await group(G.licensedQueued.id)).licenseProcessingState).toEqual({ state: 'QueuedForProcessing' });
    expect(await group(G.unlicensedSynced.id)).toEqual(expect.objectContaining({ onPremisesSyncEnabled: true, assignedLicenses: [] }));
  });

  it.each([
    ['healthy', 'Active', null],
    ['quarantinedCredentials', 'Quarantine', 'EncounteredQuarantineException'],
    ['quarantinedErrors', 'Quarantine', 'EncounteredEscrowProportionThreshold'],
    ['tooManyDeletes', 'Quarantine', 'TooManyDeletes'],
    ['initialCycle', 'NotRun', null],
    ['paused', 'Paused', null],
  ] as const)('provisioning job %s: status %s, quarantine %s', async (key, code, reason) => {
    const app = SAMPLE.apps[key];
    const res = await get(tenant, 'appadmin', `/servicePrincipals/${app.id}/synchronization/jobs/${app.jobId}`);
    expect(res.status).toBe(200);
    expect(res.body.status.code).toBe(code);
    expect(res.body.status.quarantine?.reason ?? null).toBe(reason);
    if (key === 'initialCycle') expect(res.body.status.steadyStateFirstAchievedTime).toBe('0001-01-01T00:00:00Z');
    if (key === 'paused') expect(res.body.schedule.state).toBe('Paused');
    if (key === 'quarantinedErrors') expect(res.body.status.escrowsPruned).toBe(true);
  });

  it('a fixed port can be chosen (the CLI uses it)', async () => {
    const probe = await startSampleTenant({ clock });
    const port = Number(new URL(probe.url).port);
    await probe.close();
    const fixed = await startSampleTenant({ clock, port });
    expect(fixed.url).toBe(`http://127.0.0.1:${port}`);
    await fixed.close();
  });
});
